package com.yihuiliao.api.catalogue;

/** Reference data changed; read models and caches follow it. parentId is null for a top-level department. */
public record DepartmentSaved(String departmentId, String parentId, String name, String introduction,
                              int sortOrder) implements CatalogueEvent {
}
