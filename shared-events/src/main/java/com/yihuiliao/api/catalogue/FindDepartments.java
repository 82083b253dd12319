package com.yihuiliao.api.catalogue;

/** All departments, top-level first, each level in its sort order. */
public record FindDepartments() {
}
