package com.yihuiliao.app;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.time.Instant;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;

/** The OpenAPI document states, for every operation, who may call it (from {@link AccessRules}). */
@Configuration
class OpenApiConfiguration {

    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";
    private static final String FEN = "An integer amount in fen (分, 1/100 yuan).";

    @Bean
    OpenAPI yihuiliaoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("医会聊 Yihuiliao API").version("v1")
                        .description("Appointments and billing. Errors are RFC 9457 problem details with a stable `code`."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    @Bean
    OpenApiCustomizer accessOfEveryOperation(AccessRules accessRules) {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            AccessRules.Rule rule = accessRules.forEndpoint(HttpMethod.valueOf(method.name()), example(path));
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

    /** An operation that answers no body answers 204, not the 200 the document would otherwise claim. */
    @Bean
    OperationCustomizer noContent() {
        return (operation, handler) -> {
            ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
            if (ResponseEntity.class.equals(answer.resolve()) && Void.class.equals(answer.getGeneric(0).resolve())
                    && operation.getResponses() != null && operation.getResponses().containsKey("200")) {
                operation.getResponses().remove("200");
                operation.getResponses().put("204", new ApiResponse().description("Done; no content"));
            }
            return operation;
        };
    }

    /**
     * What a client generator needs beyond the controllers: every operation's error answers as problem
     * details (with the {@code code} values of {@link ErrorCode}), patients' and staff's operations under
     * tags of their own, and money fields marked as fen.
     */
    @Bean
    OpenApiCustomizer errorsTagsAndMoney(AccessRules accessRules) {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            Map<String, Tag> tags = new TreeMap<>();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                AccessRules.Rule rule = accessRules.forEndpoint(HttpMethod.valueOf(method.name()), example(path));
                boolean open = rule != null && rule.isPublic();
                addProblem(op, "400", "Bad input: a field, parameter or body that is not valid (VALIDATION_FAILED, "
                        + "MALFORMED_REQUEST, INVALID_NAME, INVALID_TEXT, …)");
                if (!open) {
                    addProblem(op, "401", "Not logged in, or the token is invalid or expired");
                    addProblem(op, "403", "The caller's role may not do this (or PASSWORD_CHANGE_REQUIRED)");
                }
                addProblem(op, "404", "No such resource, or not one of the caller's own");
                if (method != PathItem.HttpMethod.GET) {
                    addProblem(op, "409", "Refused by the current state (e.g. SCHEDULE_FULL, BILL_ALREADY_PAID)");
                    addProblem(op, "422", "Refused by a business rule (e.g. BOOKING_CLOSED, REFUND_EXCEEDS_PAID)");
                }
                String audience = path.startsWith("/api/admin") || path.startsWith("/api/staff") ? "staff"
                        : path.startsWith("/api/me") || path.startsWith("/api/appointments") ? "patients" : "public";
                List<String> named = new ArrayList<>();
                for (String tag : op.getTags() == null ? List.of("Other") : op.getTags()) {
                    String name = tag + " (" + audience + ")";
                    named.add(name);
                    tags.computeIfAbsent(name, n -> new Tag().name(n).description(describe(openApi, tag, audience)));
                }
                op.setTags(named);
            }));
            openApi.setTags(new ArrayList<>(tags.values()));
            openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::describeMoney);
        };
    }

    /**
     * Examples a person (and a generated client's tests) can start from: every request body and every JSON success
     * answer gets one built from its schema ({@link OpenApiExamples}: realistic values by field name, masked where
     * the API masks), and every problem answer the real problem details of its common codes, as the API words them.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE) // after the Problem schema and the money descriptions are in
    OpenApiCustomizer examples() {
        return openApi -> {
            OpenApiExamples examples = new OpenApiExamples(openApi.getComponents().getSchemas());
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().values().forEach(media -> fill(media, examples, false));
                }
                if (op.getResponses() == null) {
                    return;
                }
                op.getResponses().forEach((status, response) -> {
                    if (response.getContent() == null) {
                        return;
                    }
                    if (status.startsWith("2")) {
                        response.getContent().values().forEach(media -> fill(media, examples, true));
                    }
                    MediaType problem = response.getContent().get("application/problem+json");
                    List<Example> codes = problems().get(status);
                    if (problem != null && codes != null && problem.getExamples() == null) {
                        codes.forEach(example -> problem.addExamples(example.getSummary(), example));
                    }
                });
            }));
        };
    }

    private static void fill(MediaType media, OpenApiExamples examples, boolean answer) {
        if (media.getExample() == null && media.getExamples() == null && media.getSchema() != null) {
            Object example = examples.of(media.getSchema(), answer);
            if (example != null) {
                media.setExample(example);
            }
        }
    }

    private static Map<String, List<Example>> problemExamples;

    /** Per status, the problem details of its most common codes, built and worded (in Chinese, the default) as answered. */
    private static synchronized Map<String, List<Example>> problems() {
        if (problemExamples == null) {
            ProblemDetail invalid = ProblemDetailsAdvice.problem(ErrorCode.VALIDATION_FAILED,
                    "Some fields are not valid: scheduleId: must not be blank");
            invalid.setProperty("errors", Map.of("scheduleId", "不能为空"));
            ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
            Map<String, List<ProblemDetail>> byStatus = new TreeMap<>();
            for (ProblemDetail problem : List.of(invalid,
                    advice.refused(new BusinessRuleViolation(ErrorCode.INVALID_RESIDENT_ID, "idNumber",
                            ProblemMessage.of("gb11643.check-character"))),
                    ProblemDetailsAdvice.problem(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.title()),
                    ProblemDetailsAdvice.problem(ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.title()),
                    ProblemDetailsAdvice.problem(ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND.title()),
                    ProblemDetailsAdvice.problem(ErrorCode.SCHEDULE_FULL, ErrorCode.SCHEDULE_FULL.title()),
                    advice.refused(new BusinessRuleViolation(ErrorCode.INSUFFICIENT_BALANCE, ProblemMessage.of(
                            "balance.insufficient", "neededFen", 4500L, "availableFen", 2000L))),
                    advice.refused(new BusinessRuleViolation(ErrorCode.DAILY_LIMIT_REACHED,
                            ProblemMessage.of("booking.daily-limit", "limit", 3))),
                    advice.refused(new BusinessRuleViolation(ErrorCode.BOOKING_NOT_OPEN, ProblemMessage.of(
                            "booking.not-open", "opensAt", Instant.parse("2026-12-07T07:00:00Z")))),
                    advice.refused(new BusinessRuleViolation(ErrorCode.CANCEL_DEADLINE_PASSED, ProblemMessage.of(
                            "appointment.cancel-deadline", "deadline", Instant.parse("2026-12-07T08:00:00Z")))))) {
                ProblemLanguage.localize(problem, false);
                byStatus.computeIfAbsent(String.valueOf(problem.getStatus()), s -> new ArrayList<>()).add(problem);
            }
            Map<String, List<Example>> examples = new TreeMap<>();
            byStatus.forEach((status, list) -> examples.put(status, list.stream().map(problem -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "about:blank");
                body.put("title", problem.getTitle());
                body.put("status", problem.getStatus());
                body.put("detail", problem.getDetail());
                body.put("instance", "/api/appointments");
                problem.getProperties().forEach((name, value) -> body.put(name, value instanceof Instant instant
                        ? instant.toString() : value));
                return new Example().summary(String.valueOf(body.get("code"))).value(body);
            }).toList()));
            problemExamples = examples;
        }
        return problemExamples;
    }

    private static Schema<?> problemSchema() {
        List<String> codes = new ArrayList<>(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        codes.add("INTERNAL_ERROR");
        // a plain schema of type object: ObjectSchema would turn the example into a string
        return new Schema<>().type("object").description("RFC 9457 problem details; clients branch on `code`. A "
                        + "refusal's specifics are also properties of their own (e.g. neededFen and availableFen).")
                .example(problems().get("409").get(0).getValue())
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().description("What went wrong, for a person"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("This occurrence, naming the fields to fix"))
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty("code", new StringSchema()._enum(codes).description("Stable error code"))
                .addProperty("errors", new MapSchema().additionalProperties(new StringSchema())
                        .description("Field or parameter → what is wrong with it, when fields are at fault"));
    }

    private static void addProblem(Operation op, String status, String description) {
        if (op.getResponses() == null) {
            op.setResponses(new ApiResponses());
        }
        op.getResponses().putIfAbsent(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
    }

    private static String describe(OpenAPI openApi, String tag, String audience) {
        String feature = openApi.getTags() == null ? null : openApi.getTags().stream()
                .filter(t -> t.getName().equals(tag)).map(Tag::getDescription).findFirst().orElse(null);
        return (feature == null ? tag : feature) + " — for " + audience;
    }

    /** Every amount is a whole number of fen (分); a client must never treat it as yuan or a float. */
    private static void describeMoney(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            if (name.endsWith("Fen") && property.get$ref() == null) {
                property.setFormat("int64");
                String description = property.getDescription();
                if (description == null || description.isBlank()) {
                    property.setDescription(FEN);
                } else if (!description.contains(FEN)) {
                    property.setDescription(description.strip() + (description.strip().endsWith(".") ? " " : ". ") + FEN);
                }
            }
        });
    }

    /**
     * Springdoc finds a composed constraint's {@code @Pattern} on parameters, but on a request field it reads the
     * field's own only; the id constraints ({@code @ResourceId}, {@code @PaymentId}) carry theirs on the annotation.
     */
    @Bean
    PropertyCustomizer composedPatternOfFields() {
        return (property, type) -> {
            String pattern = composedPattern(type.getCtxAnnotations());
            if (property != null && pattern != null) {
                property.setPattern(pattern);
            }
            return property;
        };
    }

    private static String composedPattern(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                Pattern pattern = annotation.annotationType().getAnnotation(Pattern.class);
                if (pattern != null) {
                    return pattern.regexp();
                }
            }
        }
        return null;
    }

    /** /api/x/{id}/y → /api/x/id/y, so Ant patterns match the template like a real path. */
    private static String example(String template) {
        return template.replaceAll("\\{[^/]+}", "id");
    }

}
