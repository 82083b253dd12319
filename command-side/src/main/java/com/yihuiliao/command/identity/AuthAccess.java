package com.yihuiliao.command.identity;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Logging in is public; the patients' area (their own patients, bookings, money) is for patients' tokens. */
@Component
class AuthAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/auth/**").open(),
                AccessRule.anyMethod("/api/me/**").roles(Roles.PATIENT));
    }
}
