package com.yihuiliao.query;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** The patients' area is for patients' tokens ({@link PatientOwnership} then keeps each to their own patients). */
@Component
class PatientAreaAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/me/**").roles(Roles.PATIENT));
    }
}
