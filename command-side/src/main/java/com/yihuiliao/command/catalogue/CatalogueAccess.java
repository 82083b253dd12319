package com.yihuiliao.command.catalogue;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Departments and doctors: the schedulers. */
@Component
class CatalogueAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/admin/departments/**", "/api/admin/doctors/**")
                        .roles(Roles.SUPER_ADMIN, Roles.SCHEDULER));
    }
}
