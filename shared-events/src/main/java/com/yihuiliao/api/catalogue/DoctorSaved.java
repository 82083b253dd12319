package com.yihuiliao.api.catalogue;

public record DoctorSaved(String doctorId, String departmentId, String name, String title, String specialty,
                          String introduction, String photoUrl, long feeFen) implements CatalogueEvent {
}
