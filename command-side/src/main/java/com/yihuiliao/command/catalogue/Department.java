package com.yihuiliao.command.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reference data: a department (科室), top-level or under a parent. */
@Entity
@Table(name = "department")
public class Department {
    @Id
    private String id;
    private String parentId;
    private String name;
    private String introduction;
    private int sortOrder;

    protected Department() {
    }

    Department(String id) {
        this.id = id;
    }

    void update(String parentId, String name, String introduction, int sortOrder) {
        this.parentId = parentId;
        this.name = name;
        this.introduction = introduction;
        this.sortOrder = sortOrder;
    }

    public String getId() {
        return id;
    }

    public String getParentId() {
        return parentId;
    }

    public String getName() {
        return name;
    }

    public String getIntroduction() {
        return introduction;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
