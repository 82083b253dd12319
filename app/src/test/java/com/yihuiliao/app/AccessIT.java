package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nobody reaches data that is not theirs, and every endpoint keeps to its role. */
class AccessIT extends IntegrationTest {

    @LocalServerPort
    int port;
    Api anonymous;
    Api admin;

    @BeforeEach
    void clients() {
        anonymous = new Api(port);
        admin = anonymous.admin();
    }

    @Test
    void anotherAccountsIdsAnswer404Everywhere() {
        String scheduleId = admin.openSchedule(5, 3000);
        Api.Patient owner = anonymous.patient();
        Api.Patient intruder = anonymous.patient();
        String appointmentId = expect(owner.book(scheduleId), 201).text("appointmentId");
        BookingFlowIT.awaitStatus(owner, appointmentId, "HELD");

        List<Api.Response> attempts = List.of(
                intruder.api().get("/api/me/appointments/" + appointmentId),
                intruder.api().get("/api/me/appointments?patientId=" + owner.patientId()),
                intruder.api().book(scheduleId, owner.patientId()),
                intruder.api().post("/api/appointments/" + appointmentId + "/cancel", "{\"patientId\":\"" + owner.patientId() + "\"}"),
                intruder.api().post("/api/appointments/" + appointmentId + "/cancel", "{\"patientId\":\"" + intruder.patientId() + "\"}"),
                intruder.api().put("/api/me/patients/" + owner.patientId(), "{\"realName\":\"改名\",\"idNumber\":\""
                        + Api.residentId(1) + "\",\"relationship\":\"SELF\"}"),
                intruder.api().delete("/api/me/patients/" + owner.patientId()),
                intruder.api().post("/api/me/patients/" + owner.patientId() + "/default", "{}"));
        for (Api.Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.body().toString()).isEqualTo(404);
            assertThat(attempt.code()).isIn("APPOINTMENT_NOT_FOUND", "PATIENT_NOT_FOUND");
        }
        // and the owner's appointment is untouched
        assertThat(BookingFlowIT.awaitStatus(owner, appointmentId, "HELD").path("history").size()).isEqualTo(1);
    }

    @Test
    void aPatientWithALiveBookingCannotBeRemoved() {
        String scheduleId = admin.openSchedule(5, 3000);
        Api.Patient owner = anonymous.patient();
        expect(owner.book(scheduleId), 201);
        Api.Response remove = owner.api().delete("/api/me/patients/" + owner.patientId());
        assertThat(remove.status()).isEqualTo(409);
        assertThat(remove.code()).isEqualTo("PATIENT_IN_USE");
    }

    @Test
    void idNumbersAndPhonesAreMasked() {
        Api.Patient owner = anonymous.patient();
        String listed = owner.api().get("/api/me/patients").items().toString();
        assertThat(listed).contains("1101**********").contains("138****5678").doesNotContain("13812345678");
        assertThat(listed).doesNotContainPattern("110101199\\d{9}");
    }

    @Test
    void staffEndpointsRefuseTheWrongRole() {
        Api finance = admin.newStaff("FINANCE", null);
        Api scheduler = admin.newStaff("SCHEDULER", null);
        Api auditor = admin.newStaff("AUDITOR", null);
        Api patient = anonymous.patient().api();

        String publish = "{\"doctorId\":\"nobody\",\"date\":\"2099-01-01\",\"period\":\"MORNING\",\"capacity\":5}";
        assertThat(finance.post("/api/admin/schedules", publish).status()).isEqualTo(403);
        assertThat(auditor.post("/api/admin/schedules", publish).status()).isEqualTo(403);
        assertThat(patient.post("/api/admin/schedules", publish).status()).isEqualTo(403);
        assertThat(anonymous.post("/api/admin/schedules", publish).status()).isEqualTo(401);
        assertThat(scheduler.post("/api/admin/schedules", publish).status()).isNotIn(401, 403);

        assertThat(scheduler.get("/api/admin/staff").status()).isEqualTo(403);
        assertThat(finance.post("/api/admin/staff", "{}").status()).isEqualTo(403);
        assertThat(scheduler.post("/api/admin/appointments/x/confirm", "{\"paymentReference\":\"p\"}").status()).isEqualTo(403);
        assertThat(auditor.put("/api/admin/departments/x", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(admin.get("/api/admin/staff").status()).isEqualTo(200);

        assertThat(finance.get("/api/admin/appointments").status()).isEqualTo(200);
        assertThat(auditor.get("/api/admin/appointments").status()).isEqualTo(200);
        assertThat(patient.get("/api/admin/appointments").status()).isEqualTo(403);
        // staff are not patients
        assertThat(scheduler.get("/api/me/patients").status()).isEqualTo(403);
        Api.Response forbidden = finance.post("/api/admin/schedules", publish);
        assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.text("title")).isNotBlank();
    }

    @Test
    void publicEndpointsNeedNoToken() {
        assertThat(anonymous.get("/api/departments").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/schedules").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/announcements").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        Api.Response noToken = anonymous.get("/api/me/patients");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theOpenApiDocumentStatesWhoMayCallEachOperation() {
        var paths = anonymous.get("/v3/api-docs").body().path("paths");
        assertThat(paths.path("/api/appointments").path("post").path("x-access").asText()).startsWith("patients");
        assertThat(paths.path("/api/admin/schedules").path("post").path("x-access").asText()).contains("SCHEDULER");
        assertThat(paths.path("/api/schedules").path("get").path("x-access").asText()).isEqualTo("public");
    }

    @Test
    void tamperedExpiredUnsignedAndForeignTokensGet401() throws Exception {
        Api.Patient patient = anonymous.patient();
        String good = patient.api().token();
        assertThat(patient.api().get("/api/me/patients").status()).isEqualTo(200);

        String[] parts = good.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"PATIENT\"", "\"SUPER_ADMIN\"").getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherClaims + "." + parts[2];
        String expired = sign(TestEnvironment.JWT_SECRET, Instant.now().minusSeconds(3600));
        String foreign = sign("another-key-that-is-also-32-bytes-long!!", Instant.now().plusSeconds(600));
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().subject("x").issuer("yihuiliao")
                .claim("roles", List.of("SUPER_ADMIN")).expirationTime(Date.from(Instant.now().plusSeconds(600))).build())
                .serialize();

        for (String token : List.of(tampered, expired, foreign, unsigned, "garbage")) {
            Api.Response response = anonymous.withToken(token).get("/api/admin/staff");
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.code()).isEqualTo("TOKEN_INVALID");
        }
        // a correctly signed token works, which shows the refusals above are about the tokens
        assertThat(anonymous.withToken(sign(TestEnvironment.JWT_SECRET, Instant.now().plusSeconds(600)))
                .get("/api/admin/staff").status()).isEqualTo(200);
    }

    @Test
    void refreshRotatesAndLogoutRevokes() {
        Api.Patient patient = anonymous.patient();
        Api.Response refreshed = expect(anonymous.post("/api/auth/refresh",
                "{\"refreshToken\":\"" + patient.refreshToken() + "\"}"), 200);
        // a refresh token works once
        assertThat(anonymous.post("/api/auth/refresh", "{\"refreshToken\":\"" + patient.refreshToken() + "\"}").status())
                .isEqualTo(401);
        String newRefresh = refreshed.text("refreshToken");
        assertThat(anonymous.withToken(refreshed.text("accessToken")).get("/api/me/patients").status()).isEqualTo(200);

        expect(anonymous.post("/api/auth/logout", "{\"refreshToken\":\"" + newRefresh + "\"}"), 204);
        assertThat(anonymous.post("/api/auth/refresh", "{\"refreshToken\":\"" + newRefresh + "\"}").code())
                .isEqualTo("TOKEN_INVALID");
    }

    @Test
    void weChatLoginIsStablePerUserAndMapsWeChatErrors() {
        Api.Response first = expect(anonymous.post("/api/auth/wechat/login", "{\"code\":\"same-user:1\"}"), 200);
        Api.Response second = expect(anonymous.post("/api/auth/wechat/login", "{\"code\":\"same-user:2\"}"), 200);
        String firstSubject = subject(first.text("accessToken"));
        assertThat(subject(second.text("accessToken"))).isEqualTo(firstSubject);
        assertThat(first.body().has("session_key")).isFalse();
        assertThat(first.toString()).doesNotContain("session");

        assertThat(anonymous.post("/api/auth/wechat/login", "{\"code\":\"same-user:1\"}").code()).isEqualTo("WECHAT_CODE_INVALID");
        assertThat(anonymous.post("/api/auth/wechat/login", "{\"code\":\"err-40163\"}").code()).isEqualTo("WECHAT_CODE_INVALID");
        Api.Response limited = anonymous.post("/api/auth/wechat/login", "{\"code\":\"err-45011\"}");
        assertThat(limited.status()).isEqualTo(429);
        Api.Response blocked = anonymous.post("/api/auth/wechat/login", "{\"code\":\"err-40226\"}");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("WECHAT_USER_BLOCKED");
        Api.Response busy = anonymous.post("/api/auth/wechat/login", "{\"code\":\"err--1\"}");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("WECHAT_UNAVAILABLE");
        // busy once, then fine: the client retries once
        expect(anonymous.post("/api/auth/wechat/login", "{\"code\":\"busy-once:retry-user:1\"}"), 200);
    }

    @Test
    void superAdminManagesStaffAccounts() {
        String username = Api.unique("sched").replace("-", "_");
        Api.Response created = expect(admin.post("/api/admin/staff", "{\"username\":\"" + username
                + "\",\"displayName\":\"排班员\",\"roles\":[\"SCHEDULER\"]}"), 201);
        String staffId = created.text("staffId");
        String oneTime = created.text("oneTimePassword");
        Api scheduler = anonymous.staff(username, oneTime);

        Api.Response weak = scheduler.post("/api/staff/me/password", "{\"oldPassword\":\"" + oneTime + "\",\"newPassword\":\"short1\"}");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.code()).isEqualTo("PASSWORD_TOO_WEAK");
        Api.Response wrongOld = scheduler.post("/api/staff/me/password", "{\"oldPassword\":\"nope\",\"newPassword\":\"Longer-Pass-2027\"}");
        assertThat(wrongOld.status()).isEqualTo(401);
        expect(scheduler.post("/api/staff/me/password", "{\"oldPassword\":\"" + oneTime + "\",\"newPassword\":\"Longer-Pass-2027\"}"), 204);
        anonymous.staff(username, "Longer-Pass-2027");

        expect(admin.post("/api/admin/staff/" + staffId + "/disable", "{}"), 204);
        Api.Response disabled = anonymous.post("/api/auth/staff/login", "{\"username\":\"" + username
                + "\",\"password\":\"Longer-Pass-2027\"}");
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.code()).isEqualTo("ACCOUNT_DISABLED");

        expect(admin.post("/api/admin/staff/" + staffId + "/enable", "{}"), 204);
        String reset = expect(admin.post("/api/admin/staff/" + staffId + "/reset-password", "{}"), 200).text("oneTimePassword");
        anonymous.staff(username, reset);
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.all("/api/admin/staff")
                .findValuesAsText("username").contains(username));
    }


    private static String sign(String secret, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("staff:forged").issuer("yihuiliao").claim("roles", List.of("SUPER_ADMIN"))
                .issueTime(Date.from(expiresAt.minusSeconds(900))).expirationTime(Date.from(expiresAt)).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String subject(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return claims.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }
}
