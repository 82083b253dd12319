package com.yihuiliao.query.billing;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Billing records: finance and auditors read them (the command side's rows, for any method, are finance's only). */
@Component
class BillingQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/admin/accounts/**", "/api/admin/payments/**", "/api/admin/refunds/**")
                        .roles(Roles.SUPER_ADMIN, Roles.FINANCE, Roles.AUDITOR));
    }
}
