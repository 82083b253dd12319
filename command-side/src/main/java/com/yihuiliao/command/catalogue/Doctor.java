package com.yihuiliao.command.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reference data: a doctor and the registration fee their schedules default to. */
@Entity
@Table(name = "doctor")
public class Doctor {
    @Id
    private String id;
    private String departmentId;
    private String name;
    private String title;
    private String specialty;
    private String introduction;
    private String photoUrl;
    private long feeFen;

    protected Doctor() {
    }

    Doctor(String id) {
        this.id = id;
    }

    void update(String departmentId, String name, String title, String specialty, String introduction,
                String photoUrl, long feeFen) {
        this.departmentId = departmentId;
        this.name = name;
        this.title = title;
        this.specialty = specialty;
        this.introduction = introduction;
        this.photoUrl = photoUrl;
        this.feeFen = feeFen;
    }

    public String getId() {
        return id;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public String getName() {
        return name;
    }

    public String getTitle() {
        return title;
    }

    public String getSpecialty() {
        return specialty;
    }

    public String getIntroduction() {
        return introduction;
    }

    public String getPhotoUrl() {
        return photoUrl;
    }

    public long getFeeFen() {
        return feeFen;
    }
}
