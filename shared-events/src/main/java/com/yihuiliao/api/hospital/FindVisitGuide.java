package com.yihuiliao.api.hospital;

/** One page of the visit guide; answered with a {@link VisitGuide} or null. */
public record FindVisitGuide(String guideId) {
}
