package com.yihuiliao.api.hospital;

import com.yihuiliao.api.Query;
import java.util.List;

/** The visit guide's pages, by sort order; answered with a list of {@link VisitGuideSummary}. */
public record FindVisitGuides() implements Query<List<VisitGuideSummary>> {
}
