package com.yihuiliao.app;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The app's own rows: its error page, the API documents, the actuator and the dead letters. Also the paths
 * the sandboxes module may mount, public here because the app cannot know whether it is on: wherever it is
 * off (the prod profile) they answer 404, not 401.
 */
@Component
class AppAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/error", "/sandbox/**", "/bench/**").open(),
                AccessRule.anyMethod("/actuator/health/**", "/actuator/info", "/swagger-ui.html", "/swagger-ui/**",
                        "/v3/api-docs/**").open(),
                AccessRule.get(AccessRules.PROMETHEUS).roles(Roles.SUPER_ADMIN, AccessRules.METRICS_SCRAPER),
                AccessRule.anyMethod("/actuator/**").roles(Roles.SUPER_ADMIN),
                AccessRule.anyMethod("/api/admin/dead-letters/**").roles(Roles.SUPER_ADMIN));
    }
}
