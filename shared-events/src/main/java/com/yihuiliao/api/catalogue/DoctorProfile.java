package com.yihuiliao.api.catalogue;

public record DoctorProfile(String doctorId, String departmentId, String departmentName, String name, String title,
                            String specialty, String introduction, String photoUrl, long feeFen) {
}
