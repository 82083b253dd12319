package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.access.Roles;
import com.yihuiliao.command.lookup.Lookups;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;

/**
 * A node of one role runs only its sides' processors, with their settings, and carries only their rows of the
 * access table (yihuiliao.node.role; the whole system in one node is every other integration test).
 */
class NodeRolesIT {

    @Test
    void aQueryNodeRunsTheProjectionsOnly() {
        try (ConfigurableApplicationContext node = start("query")) {
            Set<String> processors = node.getBean(EventProcessingConfiguration.class).eventProcessors().keySet();
            assertThat(processors).contains("schedule-view", "billing-view", "catalogue-view")
                    .doesNotContain("payment-process", "booking-process", "admission-gate", Lookups.GROUP);
            assertThat(node.getBean(EventProcessingConfiguration.class).eventProcessor("schedule-view")).get()
                    .isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(node.getEnvironment().getProperty("axon.eventhandling.processors.payment-process.mode")).isNull();

            AccessRules access = node.getBean(AccessRules.class);
            assertThat(access.forEndpoint(HttpMethod.GET, "/api/me/appointments").roles()).containsExactly(Roles.PATIENT);
            assertThat(access.forEndpoint(HttpMethod.GET, "/api/departments").isPublic()).isTrue();
            assertThat(access.forEndpoint(HttpMethod.POST, "/api/admin/walk-ins")).isNull();
        }
    }

    @Test
    void aCommandNodeRunsTheCommandSideOnly() {
        try (ConfigurableApplicationContext node = start("command")) {
            Set<String> processors = node.getBean(EventProcessingConfiguration.class).eventProcessors().keySet();
            assertThat(processors).contains("payment-process", "booking-process", "admission-gate", Lookups.GROUP)
                    .doesNotContain("schedule-view", "billing-view", "catalogue-view");
            assertThat(node.getEnvironment().getProperty("axon.eventhandling.processors.schedule-view.mode")).isNull();

            AccessRules access = node.getBean(AccessRules.class);
            assertThat(access.forEndpoint(HttpMethod.POST, "/api/me/patients").roles()).containsExactly(Roles.PATIENT);
            assertThat(access.forEndpoint(HttpMethod.POST, "/api/admin/walk-ins").roles())
                    .containsExactly(Roles.SUPER_ADMIN, Roles.FINANCE);
            assertThat(access.forEndpoint(HttpMethod.GET, "/api/departments")).isNull();
        }
    }

    private static ConfigurableApplicationContext start(String role) {
        Map<String, String> props = TestEnvironment.freshDatabase(role);
        props.put("server.port", "0");
        props.put("yihuiliao.node.role", role);
        return new SpringApplicationBuilder(YihuiliaoApplication.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
