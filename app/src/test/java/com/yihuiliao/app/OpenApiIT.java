package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.PaymentId;
import com.yihuiliao.api.ResourceId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document is one a client generator can use: errors, tags by audience, money in fen. */
class OpenApiIT extends IntegrationTest {

    @LocalServerPort
    int port;

    JsonNode docs() {
        return Api.expect(new Api(port).get("/v3/api-docs"), 200).body();
    }

    @Test
    void everyOperationDescribesItsErrorsAsProblemDetailsWithTheStableCodes() {
        JsonNode docs = docs();
        List<String> codes = new ArrayList<>();
        docs.at("/components/schemas/Problem/properties/code/enum").forEach(code -> codes.add(code.asText()));
        assertThat(codes).containsAll(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());

        JsonNode book = docs.at("/paths/~1api~1appointments/post/responses");
        for (String status : List.of("400", "401", "403", "404", "409", "422")) {
            assertThat(book.path(status).at("/content/application~1problem+json/schema/$ref").asText())
                    .as("POST /api/appointments answers %s", status).isEqualTo("#/components/schemas/Problem");
        }
        // a public read needs no token, so it answers no 401
        JsonNode schedules = docs.at("/paths/~1api~1schedules/get/responses");
        assertThat(schedules.has("400")).isTrue();
        assertThat(schedules.has("401")).isFalse();
        docs.path("paths").forEach(item -> item.forEach(op ->
                assertThat(op.path("responses").has("400")).as(op.path("operationId").asText()).isTrue()));
    }

    @Test
    void successAnswersAreTheRealOnes_201ForCreated_204ForNoContent() {
        JsonNode docs = docs();
        JsonNode book = docs.at("/paths/~1api~1appointments/post/responses");
        assertThat(book.has("201")).isTrue();
        assertThat(book.has("200")).isFalse();
        assertThat(book.path("201").path("content").toString()).contains("AppointmentBookedResult");
        JsonNode issue = docs.at("/paths/~1api~1admin~1bills/post/responses");
        assertThat(issue.has("201")).isTrue();
        assertThat(issue.has("200")).as("the same externalNo again").isTrue();
        JsonNode logout = docs.at("/paths/~1api~1auth~1logout/post/responses");
        assertThat(logout.has("204")).isTrue();
        assertThat(logout.has("200")).isFalse();
        assertThat(docs.at("/paths/~1api~1me~1patients~1{patientId}/delete/responses").has("204")).isTrue();
    }

    @Test
    void patientsAndStaffOperationsHaveTagsOfTheirOwn() {
        JsonNode docs = docs();
        assertThat(docs.at("/paths/~1api~1admin~1bills/get/tags/0").asText()).isEqualTo("Bills (staff)");
        assertThat(docs.at("/paths/~1api~1me~1bills/get/tags/0").asText()).isEqualTo("Bills (patients)");
        List<String> declared = new ArrayList<>();
        docs.path("tags").forEach(tag -> declared.add(tag.path("name").asText()));
        assertThat(declared).contains("Bills (staff)", "Bills (patients)");
    }

    @Test
    void moneyFieldsAreWholeFen() {
        JsonNode schemas = docs().at("/components/schemas");
        List<String> unmarked = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> schema.getValue().path("properties").fields().forEachRemaining(p -> {
            if (p.getKey().endsWith("Fen") && !p.getValue().has("$ref") && (!"int64".equals(p.getValue().path("format")
                    .asText()) || !p.getValue().path("description").asText().contains("fen"))) {
                unmarked.add(schema.getKey() + "." + p.getKey());
            }
        }));
        assertThat(unmarked).isEmpty();
        assertThat(schemas.toString()).contains("feeFen");
    }

    @Test
    void everyListAnswersTheEnvelopeTypedByItsItem() {
        JsonNode docs = docs();
        List<String> lists = List.of("/api/me/patients", "/api/me/appointments", "/api/me/bills", "/api/me/invoices",
                "/api/me/accounts", "/api/me/top-ups", "/api/me/payments", "/api/me/refunds",
                "/api/me/accounts/{kind}/movements", "/api/schedules", "/api/departments", "/api/doctors",
                "/api/announcements", "/api/admin/announcements", "/api/admin/staff", "/api/admin/dead-letters",
                "/api/admin/appointments", "/api/admin/bills", "/api/admin/bills/refund-requests", "/api/admin/top-ups",
                "/api/admin/payments", "/api/admin/refunds", "/api/admin/accounts/{patientId}/movements",
                "/api/admin/invoices");
        for (String path : lists) {
            JsonNode get = docs.path("paths").path(path).path("get");
            String ref = get.path("responses").path("200").findValue("$ref").asText();
            assertThat(ref).as(path).startsWith("#/components/schemas/ListPage");
            JsonNode page = docs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
            assertThat(page.path("properties").fieldNames()).toIterable().as(path)
                    .containsExactlyInAnyOrder("items", "size", "nextCursor", "total", "sums");
            assertThat(page.at("/properties/items/items/$ref").asText()).as(path).isNotEmpty();
            List<String> parameters = new ArrayList<>();
            get.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asText()));
            assertThat(parameters).as(path).contains("size", "cursor").doesNotContain("page", "limit");
        }
        assertThat(docs.at("/components/schemas/ListPagePaymentRecord/properties/items/items/$ref").asText())
                .isEqualTo("#/components/schemas/PaymentRecord");
    }

    @Test
    void everySchemaIsDescribed_andEveryMoneyFieldSaysItIsFen() {
        JsonNode schemas = docs().at("/components/schemas");
        List<String> undescribed = new ArrayList<>();
        List<String> notFen = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> {
            if (schema.getValue().path("description").asText().isBlank()) {
                undescribed.add(schema.getKey());
            }
            schema.getValue().path("properties").fields().forEachRemaining(p -> {
                if (p.getKey().endsWith("Fen") && !p.getValue().has("$ref")
                        && !p.getValue().path("description").asText().contains("amount in fen (分, 1/100 yuan)")) {
                    notFen.add(schema.getKey() + "." + p.getKey());
                }
            });
        });
        assertThat(undescribed).as("schemas without a description").isEmpty();
        assertThat(notFen).as("money fields not described as fen").isEmpty();
        // Javadoc, where it says more than the generic sentence
        assertThat(schemas.at("/PatientView/description").asText()).contains("masked");
    }

    @Test
    void requestBodiesAndTheMainAnswersCarryExamples_problemsTheirCommonCodes() {
        JsonNode docs = docs();
        List<String> without = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("post", "put", "patch").contains(op.getKey()) && op.getValue().has("requestBody")) {
                op.getValue().at("/requestBody/content").fields().forEachRemaining(media -> {
                    if (!media.getValue().has("example") && !media.getValue().has("examples")) {
                        without.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + media.getKey());
                    }
                });
            }
        }));
        assertThat(without).as("request bodies without an example").isEmpty();

        JsonNode book = docs.at("/paths/~1api~1appointments/post");
        assertThat(book.at("/requestBody/content/application~1json/example/scheduleId").isTextual()).isTrue();
        assertThat(book.at("/responses/201/content/*~1*/example/status").asText()).isNotBlank();
        JsonNode patient = docs.at("/paths/~1api~1me~1patients/post");
        assertThat(patient.at("/requestBody/content/application~1json/example/idNumber").asText())
                .isEqualTo("110101199003071233");
        assertThat(patient.at("/responses/201/content/*~1*/example/idNumberMasked").asText())
                .isEqualTo("1101**********1233");

        assertThat(docs.at("/components/schemas/Problem/example/code").asText())
                .as(docs.at("/components/schemas/Problem").toString()).isEqualTo("SCHEDULE_FULL");
        JsonNode conflicts = book.at("/responses/409/content/application~1problem+json/examples");
        assertThat(conflicts.at("/INSUFFICIENT_BALANCE/value/neededFen").asLong()).isEqualTo(4500);
        assertThat(conflicts.at("/INSUFFICIENT_BALANCE/value/detail").asText()).contains("45.00");
        assertThat(book.at("/responses/400/content/application~1problem+json/examples/VALIDATION_FAILED/value/errors")
                .has("scheduleId")).isTrue();
    }

    @Test
    void idsShowTheirPattern_inPathsParametersAndBodies() {
        JsonNode docs = docs();
        assertThat(docs.at("/paths/~1api~1schedules~1{scheduleId}/get/parameters/0/schema/pattern").asText())
                .isEqualTo(ResourceId.PATTERN);
        List<String> patterns = new ArrayList<>();
        docs.at("/paths/~1api~1admin~1appointments/get/parameters").forEach(parameter -> {
            if (parameter.path("name").asText().endsWith("Id")) {
                patterns.add(parameter.at("/schema/pattern").asText());
            }
        });
        assertThat(patterns).hasSize(3).containsOnly(ResourceId.PATTERN);
        assertThat(docs.at("/paths/~1api~1admin~1payments~1{outTradeNo}/get/parameters/0/schema/pattern").asText())
                .isEqualTo(PaymentId.PATTERN);
        assertThat(docs.at("/components/schemas/BookRequest/properties/scheduleId/pattern").asText())
                .isEqualTo(ResourceId.PATTERN);
        assertThat(docs.at("/components/schemas/RefundRequest/properties/outRefundNo/pattern").asText())
                .isEqualTo(PaymentId.PATTERN);
    }
}
