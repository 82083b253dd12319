package com.yihuiliao.api.hospital;

import java.time.Instant;

/** A page of the visit guide in full: sanitized HTML. */
public record VisitGuide(String guideId, String title, String html, int sortOrder, Instant updatedAt) {
}
