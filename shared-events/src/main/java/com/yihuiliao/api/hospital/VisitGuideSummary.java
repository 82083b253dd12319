package com.yihuiliao.api.hospital;

/** A page of the visit guide in its list. */
public record VisitGuideSummary(String guideId, String title, int sortOrder) {
}
