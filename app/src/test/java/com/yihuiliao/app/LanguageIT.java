package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Problem details come in Chinese by default and in English on Accept-Language: en, never mixed. */
class LanguageIT extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    record Answer(int status, JsonNode body, String language) {
    }

    Answer post(String path, String token, String language, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()),
                response.headers().firstValue("Content-Language").orElse(null));
    }

    @Test
    void chineseByDefault_englishWhenAsked_fromTheSecurityFiltersToo() throws Exception {
        Answer zh = post("/api/appointments", null, null, "{}");
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.body().path("title").asText()).isEqualTo("请先登录。");
        assertThat(zh.body().path("detail").asText()).isEqualTo("请先登录。");
        assertThat(zh.language()).isEqualTo("zh-CN");

        Answer en = post("/api/appointments", null, "en-US,en;q=0.9,zh;q=0.5", "{}");
        assertThat(en.body().path("title").asText()).isEqualTo("Please log in.");
        assertThat(en.language()).isEqualTo("en");
        assertThat(en.body().path("code").asText()).isEqualTo(zh.body().path("code").asText());
    }

    JsonNode get(String path, String token, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void anAppointmentsHistoryIsWordedInTheReadersLanguage_theCancellersWordsAsWritten() throws Exception {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = Api.expect(patient.book(new Api(port).admin().openSchedule(5, 2_000)), 201)
                .text("appointmentId");
        Api.expect(patient.api().post("/api/appointments/" + appointmentId + "/cancel", "{\"patientId\":\""
                + patient.patientId() + "\",\"reason\":\"改期了\"}"), 200);
        String path = "/api/me/appointments/" + appointmentId;
        String token = patient.api().token();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> get(path, token, null).path("history").size() == 2);

        JsonNode zh = get(path, token, null).path("history");
        assertThat(zh.get(0).path("summary").asText()).isEqualTo("已占号，待支付");
        assertThat(zh.get(1).path("summary").asText()).isEqualTo("本人取消：改期了");
        assertThat(zh.get(1).path("reason").asText()).isEqualTo("改期了");
        JsonNode en = get(path, token, "en").path("history");
        assertThat(en.get(0).path("summary").asText()).isEqualTo("Slot held, awaiting payment");
        assertThat(en.get(1).path("summary").asText()).isEqualTo("Cancelled by the patient: 改期了");
    }

    @Test
    void billingRecordsReasonsAreWordedInTheReadersLanguage_codesBeside_neverMixed() throws Exception {
        Api admin = new Api(port).admin();
        Api.Patient patient = new Api(port).patient();
        String appointmentId = Api.expect(patient.book(admin.openSchedule(5, 2_000)), 201).text("appointmentId");
        // a WeChat order opened, then the patient pays from the balance instead: the order is closed for that
        String weChatOrder = Api.expect(patient.api().post("/api/appointments/" + appointmentId + "/pay-with-wechat",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200).text("outTradeNo");
        Api.expect(admin.counterTopUp(patient.patientId(), 2_000), 200);
        Api.expect(patient.payWithBalance(appointmentId), 200);
        Api.expect(patient.api().post("/api/appointments/" + appointmentId + "/cancel", "{\"patientId\":\""
                + patient.patientId() + "\",\"reason\":\"改期了\"}"), 200);
        String token = patient.api().token();
        String refunds = "/api/me/refunds?patientId=" + patient.patientId();
        String payments = "/api/me/payments?patientId=" + patient.patientId();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                get(refunds, token, null).path("items").path(0).path("status").asText().equals("SUCCEEDED")
                        && get(payments, token, null).path("items").findValuesAsText("status").contains("CLOSED"));

        JsonNode zh = get(refunds, token, null).path("items").path(0);
        assertThat(zh.path("reasonCode").asText()).isEqualTo("APPOINTMENT_CANCELLED");
        assertThat(zh.path("reasonNote").asText()).isEqualTo("改期了");
        assertThat(zh.path("reason").asText()).isEqualTo("预约取消：改期了");
        assertThat(zh.path("channelResult").asText()).isEqualTo("已退回门诊余额（退款后余额 20.00 元）");
        assertThat(zh.path("balanceAfterFen").asLong()).isEqualTo(2_000);
        assertThat(zh.path("reason").asText() + zh.path("channelResult").asText()).doesNotContainPattern("[A-Za-z]");
        JsonNode en = get(refunds, token, "en").path("items").path(0);
        assertThat(en.path("reasonCode").asText()).isEqualTo("APPOINTMENT_CANCELLED");
        assertThat(en.path("reason").asText()).isEqualTo("appointment cancelled: 改期了");
        assertThat(en.path("channelResult").asText()).isEqualTo("credited to the outpatient balance (20.00 yuan after)");

        JsonNode closedZh = closed(get(payments, token, null), weChatOrder);
        assertThat(closedZh.path("closeReasonCode").asText()).isEqualTo("SWITCHED_TO_BALANCE");
        assertThat(closedZh.path("closeReason").asText()).isEqualTo("已改用余额支付");
        assertThat(closed(get(payments, token, "en-US,en;q=0.9"), weChatOrder).path("closeReason").asText())
                .isEqualTo("closed to pay from the balance");
    }

    static JsonNode closed(JsonNode page, String outTradeNo) {
        for (JsonNode payment : page.path("items")) {
            if (payment.path("outTradeNo").asText().equals(outTradeNo)) {
                return payment;
            }
        }
        throw new AssertionError(outTradeNo + " is not in " + page);
    }

    @Test
    void businessRefusalsAndBadFieldsAreWhollyChinese() throws Exception {
        Api.Patient patient = new Api(port).patient();
        String token = patient.api().token();

        Answer unknown = post("/api/appointments", token, "zh-CN,zh;q=0.9",
                "{\"scheduleId\":\"no-such-schedule\",\"patientId\":\"" + patient.patientId() + "\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("SCHEDULE_NOT_FOUND");
        assertThat(unknown.body().path("title").asText()).isEqualTo("未找到该号源。");
        assertThat(unknown.body().path("detail").asText()).doesNotContainPattern("[A-Za-z]{3,}");

        Answer invalid = post("/api/appointments", token, null, "{}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("title").asText()).isEqualTo("请求内容有误。");
        // the fields to fix are named, in their JSON names
        assertThat(invalid.body().path("detail").asText()).startsWith("请求内容有误。请检查：").contains("scheduleId");
        assertThat(invalid.body().path("errors").path("scheduleId").asText()).isEqualTo("不能为空");

        Answer english = post("/api/appointments", token, "en", "{}");
        assertThat(english.body().path("detail").asText()).startsWith("Some fields are not valid");
    }
}
