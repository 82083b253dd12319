package com.yihuiliao.api.hospital;

import com.yihuiliao.api.Query;
import java.util.List;

/** Every listed campus, by sort order; answered with a list of {@link Campus}. */
public record FindCampuses() implements Query<List<Campus>> {
}
