package com.yihuiliao.api.hospital;

import com.yihuiliao.api.Query;

/** One page of the visit guide; answered with a {@link VisitGuide} or null. */
public record FindVisitGuide(String guideId) implements Query<VisitGuide> {
}
