package com.yihuiliao.api.hospital;

/** The visit guide's pages, by sort order; answered with a list of {@link VisitGuideSummary}. */
public record FindVisitGuides() {
}
