package com.yihuiliao.app;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The OpenAPI document states, for every operation, who may call it (from {@link AccessRules}). */
@Configuration
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI yihuiliaoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("医会聊 Yihuiliao API").version("v1")
                        .description("Appointments and billing. Errors are RFC 9457 problem details with a stable `code`."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    @Bean
    OpenApiCustomizer accessOfEveryOperation() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            AccessRules.Rule rule = AccessRules.forEndpoint(HttpMethod.valueOf(method.name()), example(path));
            String access = rule == null ? "any logged-in user" : rule.describe();
            op.addExtension("x-access", access);
            op.setDescription((op.getDescription() == null ? "" : op.getDescription() + "\n\n") + "Access: " + access + ".");
            if (rule == null || !rule.isPublic()) {
                op.addSecurityItem(new SecurityRequirement().addList(BEARER));
            } else {
                op.setSecurity(java.util.List.of());
            }
        }));
    }

    /** /api/x/{id}/y → /api/x/id/y, so Ant patterns match the template like a real path. */
    private static String example(String template) {
        return template.replaceAll("\\{[^/]+}", "id");
    }

}
