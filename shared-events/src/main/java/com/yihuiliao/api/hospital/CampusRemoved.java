package com.yihuiliao.api.hospital;

/** A campus is no longer listed. */
public record CampusRemoved(String campusId, String removedBy) implements HospitalEvent {
}
