package com.yihuiliao.api.appointment;

public enum CancelledBy {
    PATIENT,
    HOSPITAL
}
