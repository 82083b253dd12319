package com.yihuiliao.command.catalogue;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.catalogue.DepartmentSaved;
import com.yihuiliao.api.catalogue.DoctorSaved;
import com.yihuiliao.command.text.TextRules;
import java.util.Optional;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments and doctors are plain JPA reference data; each change is also published as an
 * event, in the same transaction, so read models and caches on every node follow it.
 */
@Service
public class Catalogue {

    private final DepartmentRepository departments;
    private final DoctorRepository doctors;
    private final EventGateway events;

    Catalogue(DepartmentRepository departments, DoctorRepository doctors, EventGateway events) {
        this.departments = departments;
        this.doctors = doctors;
        this.events = events;
    }

    @Transactional
    public Department saveDepartment(String id, String parentId, String name, String introduction, int sortOrder) {
        // the controller checks the same; this keeps other callers' text as clean, and stores the NFC form
        name = TextRules.checkedText("name", name, false);
        introduction = TextRules.checkedText("introduction", introduction, true);
        if (parentId != null) {
            Department parent = departments.findById(parentId)
                    .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.DEPARTMENT_NOT_FOUND,
                            "The parent department does not exist."));
            if (parent.getParentId() != null || parentId.equals(id)) {
                throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                        "Departments have two levels: the parent must be a top-level department.");
            }
        }
        Department department = departments.findById(id).orElseGet(() -> new Department(id));
        department.update(parentId, name, introduction, sortOrder);
        departments.save(department);
        events.publish(new DepartmentSaved(id, parentId, name, introduction, sortOrder));
        return department;
    }

    @Transactional
    public Doctor saveDoctor(String id, String departmentId, String name, String title, String specialty,
                             String introduction, String photoUrl, long feeFen) {
        name = TextRules.checkedName("name", name);
        title = TextRules.checkedText("title", title, false);
        specialty = TextRules.checkedText("specialty", specialty, false);
        introduction = TextRules.checkedText("introduction", introduction, true);
        department(departmentId);
        Doctor doctor = doctors.findById(id).orElseGet(() -> new Doctor(id));
        doctor.update(departmentId, name, title, specialty, introduction, photoUrl, feeFen);
        doctors.save(doctor);
        events.publish(new DoctorSaved(id, departmentId, name, title, specialty, introduction, photoUrl, feeFen));
        return doctor;
    }

    public Department department(String id) {
        return departments.findById(id).orElseThrow(() -> new BusinessRuleViolation(ErrorCode.DEPARTMENT_NOT_FOUND));
    }

    public Doctor doctor(String id) {
        return doctors.findById(id).orElseThrow(() -> new BusinessRuleViolation(ErrorCode.DOCTOR_NOT_FOUND));
    }

    public Optional<Department> findDepartment(String id) {
        return departments.findById(id);
    }

    public boolean isEmpty() {
        return departments.count() == 0;
    }
}
