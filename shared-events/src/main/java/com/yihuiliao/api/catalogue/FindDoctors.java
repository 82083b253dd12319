package com.yihuiliao.api.catalogue;

/** The doctors of one department, or of all when departmentId is null. */
public record FindDoctors(String departmentId) {
}
