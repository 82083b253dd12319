package com.yihuiliao.api.catalogue;

/** A doctor as patients see them: department, title, specialty, introduction and fee. */
public record DoctorProfile(String doctorId, String departmentId, String departmentName, String name, String title,
                            String specialty, String introduction, String photoUrl, long feeFen) {
}
