package com.yihuiliao.api.catalogue;

import com.yihuiliao.api.Query;
import java.util.List;

/** All departments, top-level first, each level in its sort order. */
public record FindDepartments() implements Query<List<DepartmentSummary>> {
}
