package com.yihuiliao.query.medicalrecord;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Clinical notes are read by doctors, who write them; no other staff role reads them. */
@Component
class MedicalRecordQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.get("/api/admin/medical-records/**").roles(Roles.DOCTOR));
    }
}
