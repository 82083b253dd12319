package com.yihuiliao.api.hospital;

/**
 * A campus (院区) was added or replaced. Coordinates are GCJ-02 (what WeChat's maps use), in degrees.
 */
public record CampusSaved(String campusId, String name, String address, String phone, double latitude,
                          double longitude, int sortOrder, String savedBy) implements HospitalEvent {
}
