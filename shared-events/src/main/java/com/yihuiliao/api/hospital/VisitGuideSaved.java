package com.yihuiliao.api.hospital;

/** A page of the visit guide (就医指南) was added or replaced; {@code html} is already sanitized. */
public record VisitGuideSaved(String guideId, String title, String html, int sortOrder, String savedBy)
        implements HospitalEvent {
}
