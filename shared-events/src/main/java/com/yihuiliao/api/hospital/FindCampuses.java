package com.yihuiliao.api.hospital;

/** Every listed campus, by sort order; answered with a list of {@link Campus}. */
public record FindCampuses() {
}
