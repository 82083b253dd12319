package com.yihuiliao.command.medicalrecord;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Medical records are written by doctors only (each by the doctor of the visit, which the handler checks): not
 * even the super admin writes clinical notes.
 */
@Component
class MedicalRecordAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.anyMethod("/api/admin/medical-records/**").roles(Roles.DOCTOR));
    }
}
