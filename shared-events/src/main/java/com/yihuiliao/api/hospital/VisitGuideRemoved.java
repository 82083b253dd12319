package com.yihuiliao.api.hospital;

/** A page of the visit guide is no longer listed. */
public record VisitGuideRemoved(String guideId, String removedBy) implements HospitalEvent {
}
