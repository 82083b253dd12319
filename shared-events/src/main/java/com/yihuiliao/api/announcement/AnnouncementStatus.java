package com.yihuiliao.api.announcement;

public enum AnnouncementStatus {
    PUBLISHED,
    WITHDRAWN
}
