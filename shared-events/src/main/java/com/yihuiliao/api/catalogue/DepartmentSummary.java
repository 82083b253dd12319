package com.yihuiliao.api.catalogue;

public record DepartmentSummary(String departmentId, String parentId, String name, String introduction,
                                int sortOrder) {
}
