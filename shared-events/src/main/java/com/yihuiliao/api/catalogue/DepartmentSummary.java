package com.yihuiliao.api.catalogue;

/** A department as patients see it (two levels: parentId is null for a top-level one). */
public record DepartmentSummary(String departmentId, String parentId, String name, String introduction,
                                int sortOrder) {
}
