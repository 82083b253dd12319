package com.yihuiliao.query.invoice;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** E-invoices: finance and audit read every patient's. */
@Component
class InvoiceQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/admin/invoices/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE, Roles.AUDITOR));
    }
}
