package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A staff member on a one-time password can change it, and read their own account, and do nothing else. */
class StaffStandingIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api admin;
    Api anonymous;

    @BeforeEach
    void clients() {
        anonymous = new Api(port);
        admin = anonymous.admin();
    }

    record OneTime(String staffId, String username, String password) {
    }

    private OneTime newScheduler() {
        String username = Api.unique("otp").replace("-", "_");
        Api.Response created = expect(admin.post("/api/admin/staff", "{\"username\":\"" + username
                + "\",\"displayName\":\"排班员\",\"roles\":[\"SCHEDULER\",\"SUPER_ADMIN\"]}"), 201);
        return new OneTime(created.text("staffId"), username, created.text("oneTimePassword"));
    }

    private void assertPasswordChangeRequired(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("detail")).isNotBlank();
    }

    @Test
    void untilTheOneTimePasswordIsChangedNothingElseWorks() {
        OneTime account = newScheduler();
        Api.Response login = expect(anonymous.post("/api/auth/staff/login", "{\"username\":\"" + account.username()
                + "\",\"password\":\"" + account.password() + "\"}"), 200);
        Api staff = anonymous.withToken(login.text("accessToken"));
        String department = Api.unique("dept");

        assertPasswordChangeRequired(staff.put("/api/admin/departments/" + department, "{\"name\":\"内科\"}"));
        assertPasswordChangeRequired(staff.get("/api/admin/appointments"));
        assertPasswordChangeRequired(staff.get("/api/admin/staff"));
        assertPasswordChangeRequired(staff.post("/api/admin/staff/" + account.staffId() + "/reset-password", "{}"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM department WHERE id = ?", Long.class, department)).isZero();

        // reading one's own account says why; public endpoints stay as open as they are to anyone
        Api.Response me = expect(staff.get("/api/staff/me"), 200);
        assertThat(me.body().path("mustChangePassword").asBoolean()).isTrue();
        expect(staff.get("/api/departments"), 200);

        // a refreshed token is no way round it
        Api.Response refreshed = expect(anonymous.post("/api/auth/refresh", "{\"refreshToken\":\""
                + login.text("refreshToken") + "\"}"), 200);
        assertPasswordChangeRequired(anonymous.withToken(refreshed.text("accessToken")).get("/api/admin/appointments"));

        expect(staff.post("/api/staff/me/password", "{\"oldPassword\":\"" + account.password()
                + "\",\"newPassword\":\"Changed-Pass-2027\"}"), 204);

        // the token issued before the change works at once, and so does a new login
        expect(staff.put("/api/admin/departments/" + department, "{\"name\":\"内科\"}"), 200);
        expect(staff.get("/api/admin/appointments"), 200);
        assertThat(expect(staff.get("/api/staff/me"), 200).body().path("mustChangePassword").asBoolean()).isFalse();
        expect(anonymous.staff(account.username(), "Changed-Pass-2027").get("/api/admin/staff"), 200);
    }

    @Test
    void aResetPasswordStopsTheTokensAlreadyIssuedUntilItIsChanged() {
        OneTime account = newScheduler();
        Api staff = anonymous.staff(account.username(), account.password());
        expect(staff.post("/api/staff/me/password", "{\"oldPassword\":\"" + account.password()
                + "\",\"newPassword\":\"Changed-Pass-2027\"}"), 204);
        expect(staff.get("/api/admin/appointments"), 200);

        String reset = expect(admin.post("/api/admin/staff/" + account.staffId() + "/reset-password", "{}"), 200)
                .text("oneTimePassword");
        assertPasswordChangeRequired(staff.get("/api/admin/appointments"));

        Api again = anonymous.staff(account.username(), reset);
        assertPasswordChangeRequired(again.get("/api/admin/appointments"));
        expect(again.post("/api/staff/me/password", "{\"oldPassword\":\"" + reset
                + "\",\"newPassword\":\"Changed-Again-2028\"}"), 204);
        expect(again.get("/api/admin/appointments"), 200);
    }

    @Test
    void aDisabledAccountsTokenStopsAtOnce() {
        OneTime account = newScheduler();
        Api staff = anonymous.staff(account.username(), account.password());
        expect(staff.post("/api/staff/me/password", "{\"oldPassword\":\"" + account.password()
                + "\",\"newPassword\":\"Changed-Pass-2027\"}"), 204);
        expect(staff.get("/api/admin/appointments"), 200);

        expect(admin.post("/api/admin/staff/" + account.staffId() + "/disable", "{}"), 204);
        for (Api.Response refused : List.of(staff.get("/api/admin/appointments"), staff.get("/api/staff/me"))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("ACCOUNT_DISABLED");
        }
        expect(admin.post("/api/admin/staff/" + account.staffId() + "/enable", "{}"), 204);
        expect(anonymous.staff(account.username(), "Changed-Pass-2027").get("/api/admin/appointments"), 200);
    }

    @Test
    void logoutWorksWithAOneTimePassword() {
        OneTime account = newScheduler();
        Api.Response login = expect(anonymous.post("/api/auth/staff/login", "{\"username\":\"" + account.username()
                + "\",\"password\":\"" + account.password() + "\"}"), 200);
        Api staff = anonymous.withToken(login.text("accessToken"));
        expect(staff.post("/api/auth/logout", "{\"refreshToken\":\"" + login.text("refreshToken") + "\"}"), 204);
        assertThat(anonymous.post("/api/auth/refresh", "{\"refreshToken\":\"" + login.text("refreshToken") + "\"}")
                .code()).isEqualTo("TOKEN_INVALID");
    }
}
