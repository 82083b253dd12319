package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A phone is bound only as WeChat's getuserphonenumber verified it, from the button's code; never as typed. */
class PhoneBindingIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api account;
    String accountId;

    @BeforeEach
    void login() {
        Api.Response login = expect(new Api(port).post("/api/auth/wechat/login",
                "{\"code\":\"" + Api.unique("phone-user") + ":1\"}"), 200);
        account = new Api(port).withToken(login.text("accessToken"));
        accountId = subject(login.text("accessToken"));
    }

    private static String subject(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return claims.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }

    private String storedPhone() {
        List<String> phones = jdbc.queryForList("SELECT phone FROM user_account WHERE id = ?", String.class, accountId);
        assertThat(phones).hasSize(1);
        return phones.get(0);
    }

    @Test
    void theNumberComesFromWeChatAndIsAnsweredMasked() {
        String code = "phone:13812345678:" + Api.unique("n");
        Api.Response bound = expect(account.post("/api/me/phone", "{\"code\":\"" + code + "\"}"), 200);
        assertThat(bound.text("phoneMasked")).isEqualTo("138****5678");
        assertThat(bound.body().toString()).doesNotContain("13812345678");
        assertThat(storedPhone()).isEqualTo("13812345678");

        // a code works once
        Api.Response again = account.post("/api/me/phone", "{\"code\":\"" + code + "\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("WECHAT_PHONE_CODE_INVALID");
    }

    @Test
    void aNumberTheClientSendsIsNotTaken() {
        Api.Response raw = account.post("/api/me/phone", "{\"phone\":\"13812345678\"}");
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.code()).isEqualTo("VALIDATION_FAILED");
        Api.Response asCode = account.post("/api/me/phone", "{\"code\":\"13812345678\"}");
        assertThat(asCode.status()).isEqualTo(400);
        assertThat(asCode.code()).isEqualTo("WECHAT_PHONE_CODE_INVALID");
        assertThat(storedPhone()).isNull();
    }

    @Test
    void refusedCodesBindNothing() {
        for (String code : List.of("err-40029", "phone-other-app:13812345678:1", "phone:13812345678")) {
            Api.Response refused = account.post("/api/me/phone", "{\"code\":\"" + code + "\"}");
            assertThat(refused.status()).as(code).isEqualTo(400);
            assertThat(refused.code()).as(code).isEqualTo("WECHAT_PHONE_CODE_INVALID");
        }
        Api.Response busy = account.post("/api/me/phone", "{\"code\":\"err--1\"}");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("WECHAT_UNAVAILABLE");
        assertThat(storedPhone()).isNull();
    }

    @Test
    void aRevokedAccessTokenIsReplacedWithoutTheUserNoticing() {
        expect(account.post("/api/me/phone", "{\"code\":\"phone:13900000001:" + Api.unique("n") + "\"}"), 200);
        expect(new Api(port).post("/sandbox/wechat/simulate/revoke-access-token", "{}"), 204);
        expect(account.post("/api/me/phone", "{\"code\":\"phone:13900000002:" + Api.unique("n") + "\"}"), 200);
        assertThat(storedPhone()).isEqualTo("13900000002");
    }

    @Test
    void anonymousCallersCannotBindAPhone() {
        assertThat(new Api(port).post("/api/me/phone", "{\"code\":\"phone:13812345678:x\"}").status()).isEqualTo(401);
    }
}
