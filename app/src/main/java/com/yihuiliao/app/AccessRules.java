package com.yihuiliao.app;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call which endpoint, in one table read both by the security filter chain and by the
 * OpenAPI document, so the two never disagree. The first matching rule wins.
 */
final class AccessRules {

    /** roles empty and patientOnly false means public. */
    record Rule(HttpMethod method, List<String> patterns, List<String> roles) {
        boolean isPublic() {
            return roles.isEmpty();
        }

        boolean matches(HttpMethod requestMethod, String path) {
            return (method == null || method.equals(requestMethod))
                    && patterns.stream().anyMatch(p -> MATCHER.match(p, path));
        }

        String describe() {
            return isPublic() ? "public" : roles.equals(List.of(PATIENT)) ? "patients (their own data)"
                    : "staff with role " + String.join(" or ", roles);
        }
    }

    static final String PATIENT = "PATIENT";
    static final String SUPER_ADMIN = "SUPER_ADMIN";
    static final String SCHEDULER = "SCHEDULER";
    static final String FINANCE = "FINANCE";
    static final String AUDITOR = "AUDITOR";
    static final String DOCTOR = "DOCTOR";
    /** Not a staff role: what the metrics scrape token is granted, on /actuator/prometheus only. */
    static final String METRICS_SCRAPER = "METRICS_SCRAPER";
    static final String PROMETHEUS = "/actuator/prometheus";
    private static final List<String> ANY_STAFF = List.of(SUPER_ADMIN, SCHEDULER, FINANCE, AUDITOR, DOCTOR);
    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, List.of("/api/departments/**", "/api/doctors/**", "/api/schedules/**",
                    "/api/announcements/**"), List.of()),
            // the sandboxes module's paths (off in prod): public, so wherever it is off they answer 404, not 401
            new Rule(null, List.of("/api/auth/**", "/api/payments/wechatpay/**", "/sandbox/**", "/bench/**", "/error"),
                    List.of()),
            new Rule(null, List.of("/actuator/health/**", "/actuator/info", "/swagger-ui.html", "/swagger-ui/**",
                    "/v3/api-docs/**"), List.of()),
            new Rule(null, List.of("/api/appointments/**", "/api/me/**"), List.of(PATIENT)),
            new Rule(null, List.of("/api/staff/**"), ANY_STAFF),
            new Rule(null, List.of("/api/admin/staff/**", "/api/admin/dead-letters/**"), List.of(SUPER_ADMIN)),
            new Rule(null, List.of("/api/admin/departments/**", "/api/admin/doctors/**", "/api/admin/schedules/**",
                    "/api/admin/schedule-templates/**", "/api/admin/booking-rules/**", "/api/admin/announcements/**"), List.of(SUPER_ADMIN, SCHEDULER)),
            new Rule(HttpMethod.POST, List.of("/api/admin/appointments/*/confirm"), List.of(SUPER_ADMIN, FINANCE)),
            // registration at the window (现场挂号): the cashiers, who take the fee there
            new Rule(HttpMethod.POST, List.of("/api/admin/walk-ins"), List.of(SUPER_ADMIN, FINANCE)),
            // billing records: finance and auditors read them (before the rule below, which also covers writes)
            new Rule(HttpMethod.GET, List.of("/api/admin/accounts/**", "/api/admin/payments/**",
                    "/api/admin/refunds/**"), List.of(SUPER_ADMIN, FINANCE, AUDITOR)),
            new Rule(null, List.of("/api/admin/accounts/**", "/api/admin/payments/**"), List.of(SUPER_ADMIN, FINANCE)),
            // bills: finance and auditors read them; finance (or the hospital system's staff account) issues,
            // voids and refunds
            new Rule(HttpMethod.GET, List.of("/api/admin/bills/**"), List.of(SUPER_ADMIN, FINANCE, AUDITOR)),
            new Rule(null, List.of("/api/admin/bills/**"), List.of(SUPER_ADMIN, FINANCE)),
            new Rule(HttpMethod.GET, List.of("/api/admin/appointments/**"), ANY_STAFF),
            new Rule(HttpMethod.GET, List.of("/api/admin/top-ups/**"), List.of(SUPER_ADMIN, FINANCE, AUDITOR)),
            // e-invoices: finance and audit read every patient's invoices
            new Rule(HttpMethod.GET, List.of("/api/admin/invoices/**"), List.of(SUPER_ADMIN, FINANCE, AUDITOR)),
            new Rule(HttpMethod.GET, List.of(PROMETHEUS), List.of(SUPER_ADMIN, METRICS_SCRAPER)),
            new Rule(null, List.of("/actuator/**"), List.of(SUPER_ADMIN)));

    private AccessRules() {
    }

    static Rule forEndpoint(HttpMethod method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst().orElse(null);
    }
}
