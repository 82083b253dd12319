package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Real names and ordinary text get through, stored in their normalised form (NFC, one middle dot). */
class TextInputIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api admin;

    @BeforeEach
    void client() {
        admin = new Api(port).admin();
    }

    @Test
    void patientNamesAreStoredAsNfcWithTheMiddleDot() {
        Api.Patient patient = new Api(port).patient();
        // a look-alike dot typed by an IME, and a decomposed é (e + U+0301), each stored in one form
        Api.Response minority = expect(patient.api().post("/api/me/patients", "{\"realName\":\"阿沛\\u2022阿旺晋美\","
                + "\"idNumber\":\"" + Api.residentId(901) + "\",\"relationship\":\"PARENT\"}"), 201);
        assertThat(minority.text("realName")).isEqualTo("阿沛·阿旺晋美");
        Api.Response latin = expect(patient.api().post("/api/me/patients", "{\"realName\":\" Ame\\u0301lie O\\u2019Brien-Smith \","
                + "\"idNumber\":\"" + Api.residentId(902) + "\",\"relationship\":\"CHILD\"}"), 201);
        assertThat(latin.text("realName")).isEqualTo("Amélie O'Brien-Smith");
        assertThat(jdbc.queryForObject("SELECT real_name FROM patient WHERE id = ?", String.class,
                latin.text("patientId"))).isEqualTo("Amélie O'Brien-Smith");
        assertThat(jdbc.queryForObject("SELECT real_name FROM patient WHERE id = ?", String.class,
                minority.text("patientId"))).isEqualTo("阿沛·阿旺晋美");
    }

    @Test
    void ordinaryTextAndLineBreaksInLongTextAreAccepted() {
        String id = expect(admin.post("/api/admin/announcements", "{\"title\":\"停诊通知（心内科）：5月1日—3日\","
                + "\"body\":\"各位患者：\\n\\t因节假日，“心内科”停诊三天，敬请谅解！\\nDr. Li's clinic is closed.\","
                + "\"activeFrom\":\"2026-01-01T00:00:00Z\"}"), 201).text("announcementId");
        assertThat(jdbc.queryForObject("SELECT body FROM announcement WHERE id = ?", String.class, id))
                .isEqualTo("各位患者：\n\t因节假日，“心内科”停诊三天，敬请谅解！\nDr. Li's clinic is closed.");

        String department = Api.unique("dept");
        Api.Response saved = expect(admin.put("/api/admin/departments/" + department,
                "{\"name\":\"Cafe\\u0301 内科\",\"introduction\":\"心脏、血管\\n（成人）\",\"sortOrder\":1}"), 200);
        assertThat(saved.text("name")).isEqualTo("Café 内科");

        Api.Response staff = expect(admin.post("/api/admin/staff", "{\"username\":\"" + Api.unique("cashier").replace("-", "_")
                + "\",\"displayName\":\"买买提\\u30fb艾力\",\"roles\":[\"FINANCE\"]}"), 201);
        assertThat(jdbc.queryForObject("SELECT display_name FROM staff_account WHERE id = ?", String.class,
                staff.text("staffId"))).isEqualTo("买买提·艾力");
    }
}
