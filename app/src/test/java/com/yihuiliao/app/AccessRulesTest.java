package com.yihuiliao.app;

import static com.yihuiliao.api.access.AccessRule.anyMethod;
import static com.yihuiliao.api.access.AccessRule.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Merging the features' access rows: most specific first whatever the order, ambiguous conflicts refused. */
class AccessRulesTest {

    @Test
    void twoFeaturesGrantingTheSameRowDifferentRolesAreRefusedNamingBoth() {
        assertThatThrownBy(() -> AccessRules.merge(contributions(
                "billAccess", rows(anyMethod("/api/admin/bills/**").roles(Roles.FINANCE)),
                "billQueryAccess", rows(anyMethod("/api/admin/bills/**").roles(Roles.AUDITOR)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/api/admin/bills/**")
                .hasMessageContaining("billAccess")
                .hasMessageContaining("billQueryAccess");
    }

    @Test
    void equallySpecificRowsThatMayMatchOneRequestWithDifferentRolesAreRefused() {
        assertThatThrownBy(() -> AccessRules.merge(contributions(
                "a", rows(anyMethod("/api/admin/reports/report-*").roles(Roles.SUPER_ADMIN)),
                "b", rows(anyMethod("/api/admin/reports/*-2026").roles(Roles.FINANCE)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/api/admin/reports/report-*")
                .hasMessageContaining("/api/admin/reports/*-2026");
    }

    @Test
    void equallySpecificRowsThatCannotMeetAreKept() {
        AccessRules merged = AccessRules.merge(contributions(
                "a", rows(anyMethod("/api/admin/x/*").roles(Roles.SUPER_ADMIN)),
                "b", rows(anyMethod("/api/admin/y/*").roles(Roles.FINANCE)),
                "c", rows(get("/api/admin/z/**").roles(Roles.AUDITOR)),
                "d", rows(AccessRule.post("/api/admin/z/**").roles(Roles.FINANCE))));

        assertThat(merged.forEndpoint(HttpMethod.GET, "/api/admin/y/1").roles()).containsExactly(Roles.FINANCE);
        assertThat(merged.forEndpoint(HttpMethod.POST, "/api/admin/z/1").roles()).containsExactly(Roles.FINANCE);
    }

    @Test
    void theMoreSpecificRowDecidesWhateverTheOrderOfTheContributions() {
        PathAccess broad = rows(anyMethod("/api/admin/**").roles(Roles.SUPER_ADMIN), anyMethod("/actuator/**")
                .roles(Roles.SUPER_ADMIN));
        PathAccess narrow = rows(get("/api/admin/bills/**").roles(Roles.FINANCE, Roles.AUDITOR),
                anyMethod("/actuator/health/**").open());

        AccessRules broadFirst = AccessRules.merge(contributions("broad", broad, "narrow", narrow));
        AccessRules narrowFirst = AccessRules.merge(contributions("narrow", narrow, "broad", broad));

        assertThat(broadFirst.rules()).isEqualTo(narrowFirst.rules());
        for (AccessRules merged : List.of(broadFirst, narrowFirst)) {
            assertThat(merged.forEndpoint(HttpMethod.GET, "/api/admin/bills/1").roles())
                    .containsExactly(Roles.FINANCE, Roles.AUDITOR);
            assertThat(merged.forEndpoint(HttpMethod.POST, "/api/admin/bills/1").roles())
                    .containsExactly(Roles.SUPER_ADMIN);
            assertThat(merged.forEndpoint(HttpMethod.GET, "/actuator/health/liveness").isPublic()).isTrue();
            assertThat(merged.forEndpoint(HttpMethod.GET, "/actuator/metrics").roles()).containsExactly(Roles.SUPER_ADMIN);
            assertThat(merged.forEndpoint(HttpMethod.GET, "/api/other")).isNull();
        }
    }

    @Test
    void aNamedMethodComesBeforeAnyMethodOnOnePattern() {
        AccessRules merged = AccessRules.merge(contributions(
                "writes", rows(anyMethod("/api/admin/payments/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE)),
                "reads", rows(get("/api/admin/payments/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE, Roles.AUDITOR))));

        assertThat(merged.forEndpoint(HttpMethod.GET, "/api/admin/payments/P1").roles()).contains(Roles.AUDITOR);
        assertThat(merged.forEndpoint(HttpMethod.POST, "/api/admin/payments/P1/refunds").roles())
                .doesNotContain(Roles.AUDITOR);
    }

    @Test
    void theSameRowFromTwoFeaturesIsOneRow() {
        AccessRules merged = AccessRules.merge(contributions(
                "commandSide", rows(anyMethod("/api/me/**").roles(Roles.PATIENT)),
                "querySide", rows(anyMethod("/api/me/**").roles(Roles.PATIENT))));

        assertThat(merged.rules()).hasSize(1);
    }

    private static PathAccess rows(AccessRule... rules) {
        return () -> List.of(rules);
    }

    private static Map<String, PathAccess> contributions(Object... namesAndRows) {
        Map<String, PathAccess> contributions = new LinkedHashMap<>();
        for (int i = 0; i < namesAndRows.length; i += 2) {
            contributions.put((String) namesAndRows[i], (PathAccess) namesAndRows[i + 1]);
        }
        return contributions;
    }
}
