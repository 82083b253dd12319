package com.yihuiliao.command.integration;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import java.util.List;
import org.springframework.stereotype.Component;

/** The integration API is for the hospital's own systems only, authenticated by {@link SignedRequestFilter}. */
@Component
class IntegrationAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.anyMethod(SignedRequestFilter.PATHS).roles(IntegrationClient.ROLE));
    }
}
