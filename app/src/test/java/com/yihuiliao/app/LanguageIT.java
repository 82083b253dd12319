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

    @Test
    void anUnknownQueryParameterIsNamedInEachLanguage_withWhatTheEndpointTakes() throws Exception {
        String token = new Api(port).patient().api().token();
        JsonNode zh = get("/api/departments?page=1", token, null);
        assertThat(zh.path("code").asText()).isEqualTo("UNKNOWN_PARAMETER");
        assertThat(zh.path("detail").asText()).isEqualTo("该接口不接受查询参数“page”，可用的参数有：cursor、size。");
        assertThat(zh.path("parameter").asText()).isEqualTo("page");
        assertThat(get("/api/departments?page=1", token, "en").path("detail").asText())
                .isEqualTo("Unknown query parameter 'page'; this endpoint takes cursor, size.");
    }

    /** A Chinese answer has no English sentence in its title, detail or errors; an English one no Chinese. */
    static void whollyIn(String language, Answer answer) {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(
                answer.body().path("title").asText(), answer.body().path("detail").asText()));
        answer.body().path("errors").forEach(value -> texts.add(value.asText()));
        assertThat(answer.language()).isEqualTo(language);
        texts.forEach(text -> {
            if (language.equals("en")) {
                assertThat(text).as(answer.body().toString()).doesNotContainPattern(ProblemLanguageTest.CJK);
            } else {
                assertThat(text).as(answer.body().toString()).containsPattern(ProblemLanguageTest.CJK)
                        .doesNotContainPattern(ProblemLanguageTest.ENGLISH_SENTENCE);
            }
        });
    }

    @Test
    void anInsufficientBalanceSaysHowMuchInEachLanguage_andAnswersTheAmounts() throws Exception {
        Api admin = new Api(port).admin();
        Api.Patient patient = new Api(port).patient();
        String appointmentId = Api.expect(patient.book(admin.openSchedule(5, 2_050)), 201).text("appointmentId");
        String path = "/api/appointments/" + appointmentId + "/pay-with-balance";
        String body = "{\"patientId\":\"" + patient.patientId() + "\"}";

        Answer zh = post(path, patient.api().token(), null, body);
        assertThat(zh.status()).isEqualTo(409);
        assertThat(zh.body().path("code").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(zh.body().path("detail").asText()).isEqualTo("余额不足：本次需支付 20.50 元，可用余额 0.00 元。");
        assertThat(zh.body().path("neededFen").asLong()).isEqualTo(2_050);
        assertThat(zh.body().path("availableFen").asLong()).isZero();
        whollyIn("zh-CN", zh);

        Answer en = post(path, patient.api().token(), "en", body);
        assertThat(en.body().path("detail").asText()).isEqualTo("The balance is 0 fen; 2050 fen are needed.");
        assertThat(en.body().path("neededFen").asLong()).isEqualTo(2_050);
        whollyIn("en", en);
    }

    @Test
    void ourOwnFieldRulesAreWordedInTheCallersLanguage() throws Exception {
        Api.Patient patient = new Api(port).patient();
        String token = patient.api().token();
        // a name refused by @PersonName (bean validation on the request)
        String badName = "{\"realName\":\"张A\",\"idNumber\":\"" + Api.residentId(901)
                + "\",\"relationship\":\"CHILD\"}";
        Answer name = post("/api/me/patients", token, null, badName);
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.body().path("code").asText()).isEqualTo("INVALID_NAME");
        assertThat(name.body().path("errors").path("realName").asText())
                .isEqualTo("中文姓名只能包含汉字和间隔号（·），发现 'A' (U+0041)。");
        whollyIn("zh-CN", name);
        Answer nameEn = post("/api/me/patients", token, "en", badName);
        assertThat(nameEn.body().path("errors").path("realName").asText())
                .isEqualTo("A Chinese name has only Chinese characters and the middle dot (·); found 'A' (U+0041).");
        whollyIn("en", nameEn);

        // a resident ID whose check character is wrong, and one of the wrong length
        String badId = "{\"realName\":\"李四\",\"idNumber\":\"110101199003071234\",\"relationship\":\"CHILD\"}";
        Answer id = post("/api/me/patients", token, null, badId);
        assertThat(id.body().path("code").asText()).isEqualTo("INVALID_RESIDENT_ID");
        assertThat(id.body().path("errors").path("idNumber").asText()).contains("校验码");
        assertThat(id.body().path("detail").asText()).isEqualTo("居民身份证号码无效。请检查：idNumber。");
        whollyIn("zh-CN", id);
        Answer idEn = post("/api/me/patients", token, "en", badId);
        assertThat(idEn.body().path("errors").path("idNumber").asText()).contains("does not match");
        whollyIn("en", idEn);

        String shortId = "{\"realName\":\"李四\",\"idNumber\":\"11010119900307123\",\"relationship\":\"CHILD\"}";
        Answer length = post("/api/me/patients", token, null, shortId);
        assertThat(length.body().path("errors").path("idNumber").asText()).isEqualTo("居民身份证号码应为 18 位，此号码为 17 位。");
        assertThat(length.body().path("length").asInt()).isEqualTo(17);
        assertThat(length.body().path("document").asText()).isEqualTo("RESIDENT_ID");
        whollyIn("zh-CN", length);

        // a body that cannot be read: what was expected, in Chinese too
        Answer unreadable = post("/api/me/patients", token, null, "{\"realName\":\"李四\",\"idNumber\":\""
                + Api.residentId(902) + "\",\"relationship\":\"COUSIN\"}");
        assertThat(unreadable.body().path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(unreadable.body().path("errors").path("relationship").asText()).startsWith("应为以下之一：")
                .contains("SELF").endsWith("收到的是“COUSIN”");
        whollyIn("zh-CN", unreadable);
    }
}
