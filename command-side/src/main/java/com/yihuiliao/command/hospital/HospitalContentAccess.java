package com.yihuiliao.command.hospital;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The hospital's public information speaks for the hospital as a whole (its introduction, its campuses, medical
 * advice): the super admin keeps it; no operational role (scheduling, finance, audit, doctors) needs to.
 */
@Component
class HospitalContentAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.anyMethod("/api/admin/hospital/**").roles(Roles.SUPER_ADMIN));
    }
}
