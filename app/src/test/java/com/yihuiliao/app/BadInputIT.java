package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a 4xx problem detail with a stable code, and writes nothing. */
class BadInputIT extends IntegrationTest {

    private static final String LONG = "x".repeat(5000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port).admin();
        patient = new Api(port).patient();
    }

    Api.Patient patient;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("POST", "/api/appointments", "{not json", 400, "MALFORMED_REQUEST"),
                Arguments.of("POST", "/api/appointments", "[1,2]", 400, "MALFORMED_REQUEST"),
                Arguments.of("POST", "/api/appointments", "{}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/appointments", "{\"scheduleId\":\"" + LONG + "\",\"patientId\":\"$PATIENT\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/appointments", "{\"scheduleId\":\"no-such-schedule\",\"patientId\":\"$PATIENT\"}", 404, "SCHEDULE_NOT_FOUND"),
                Arguments.of("POST", "/api/appointments", "{\"scheduleId\":\"a b;drop\",\"patientId\":\"$PATIENT\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/appointments/no-such-appointment/cancel", "{\"patientId\":\"$PATIENT\"}", 404, "NOT_FOUND"),
                Arguments.of("POST", "/api/appointments", "{\"scheduleId\":\"s\",\"patientId\":\"not-my-patient\"}", 404, "PATIENT_NOT_FOUND"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"李四\",\"idNumber\":\"110101199003071235\",\"relationship\":\"SELF\"}", 400, "INVALID_RESIDENT_ID"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"" + LONG + "\",\"idNumber\":\"110101199003071234\",\"relationship\":\"SELF\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"李四\",\"idNumber\":\"11010119900307123\",\"relationship\":\"COUSIN\"}", 400, "MALFORMED_REQUEST"),
                // other documents: an unknown type, or a number or nationality its type's rule refuses
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"李四\",\"documentType\":\"DRIVING_LICENCE\",\"idNumber\":\"110101199003071233\",\"relationship\":\"SELF\"}", 400, "INVALID_DOCUMENT"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"李四\",\"documentType\":\"PASSPORT\",\"idNumber\":\"E12\",\"nationality\":\"CHN\",\"relationship\":\"SELF\"}", 400, "INVALID_DOCUMENT"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"李四\",\"documentType\":\"PASSPORT\",\"idNumber\":\"E12345678\",\"relationship\":\"SELF\"}", 400, "INVALID_DOCUMENT"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"李四\",\"documentType\":\"HK_MACAO_PASS\",\"idNumber\":\"X12345678\",\"relationship\":\"SELF\"}", 400, "INVALID_DOCUMENT"),
                Arguments.of("PUT", "/api/me/patients/$PATIENT", "{\"realName\":\"李四\",\"documentType\":\"FOREIGN_PERMANENT_RESIDENCE\",\"idNumber\":\"932682198501010018\",\"relationship\":\"SELF\"}", 400, "INVALID_DOCUMENT"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"李宝宝\",\"idNumber\":\"" + Api.residentId(778) + "\",\"relationship\":\"CHILD\",\"newborn\":{\"birthDate\":\"2099-01-01\",\"sex\":\"MALE\",\"guardianName\":\"李四\"}}", 400, "VALIDATION_FAILED"),
                Arguments.of("DELETE", "/api/me/patients/no-such-patient", null, 404, "PATIENT_NOT_FOUND"),
                Arguments.of("GET", "/api/me/appointments?patientId=not-my-patient", null, 404, "PATIENT_NOT_FOUND"),
                Arguments.of("GET", "/api/me/appointments/no-such-appointment", null, 404, "APPOINTMENT_NOT_FOUND"),
                Arguments.of("POST", "/api/auth/wechat/login", "{\"code\":\"err-40029\"}", 401, "WECHAT_CODE_INVALID"),
                Arguments.of("POST", "/api/auth/refresh", "{\"refreshToken\":\"forged\"}", 401, "TOKEN_INVALID"),
                Arguments.of("POST", "/api/admin/staff", "{\"username\":\"x\",\"displayName\":\"x\",\"roles\":[\"KING\"]}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/appointments/no-such-appointment/confirm", "{\"paymentReference\":\"x\"}", 404, "NOT_FOUND"),
                Arguments.of("POST", "/api/admin/schedules", "{\"doctorId\":\"no-such-doctor\",\"date\":\"2099-01-01\",\"period\":\"MORNING\",\"capacity\":5}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/schedules", "{\"doctorId\":\"no-such-doctor\",\"date\":\"" + java.time.LocalDate.now().plusDays(3) + "\",\"period\":\"MORNING\",\"capacity\":5}", 404, "DOCTOR_NOT_FOUND"),
                Arguments.of("POST", "/api/admin/schedules", "{\"doctorId\":\"d\",\"date\":\"2026-13-45\",\"period\":\"MORNING\",\"capacity\":5}", 400, "MALFORMED_REQUEST"),
                Arguments.of("POST", "/api/admin/schedules", "{\"doctorId\":\"d\",\"date\":\"2026-12-01\",\"period\":\"NIGHT\",\"capacity\":5}", 400, "MALFORMED_REQUEST"),
                Arguments.of("POST", "/api/admin/schedules", "{\"doctorId\":\"d\",\"date\":\"2026-12-01\",\"period\":\"MORNING\",\"capacity\":-1}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/schedules", "{\"doctorId\":\"d\",\"date\":\"2026-12-01\",\"period\":\"MORNING\",\"capacity\":99999999999}", 400, "MALFORMED_REQUEST"),
                Arguments.of("POST", "/api/admin/schedules", "{\"doctorId\":\"d\",\"date\":\"2026-12-01\",\"period\":\"MORNING\",\"capacity\":5,\"feeFen\":-100}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/schedules/no-such-schedule/capacity", "{\"additional\":5}", 404, "NOT_FOUND"),
                Arguments.of("POST", "/api/admin/schedules/no-such-schedule/capacity", "{\"additional\":0}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/schedules/no-such-schedule/suspend", "{\"reason\":\"" + LONG + "\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/schedules/no-such-schedule/suspend", "{\"reason\":\"sick\"}", 404, "NOT_FOUND"),
                Arguments.of("PUT", "/api/admin/departments/d1", "{\"name\":\"" + LONG + "\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("PUT", "/api/admin/departments/d1", "{\"name\":\"x\",\"parentId\":\"no-such-parent\"}", 404, "DEPARTMENT_NOT_FOUND"),
                Arguments.of("PUT", "/api/admin/doctors/d1", "{\"departmentId\":\"no-such-dept\",\"name\":\"x\",\"feeFen\":100}", 404, "DEPARTMENT_NOT_FOUND"),
                Arguments.of("PUT", "/api/admin/doctors/d1", "{\"departmentId\":\"x\",\"name\":\"x\",\"feeFen\":100000000000}", 400, "VALIDATION_FAILED"),
                Arguments.of("PUT", "/api/admin/booking-rules/HOSPITAL", "{\"daysAhead\":-1,\"releaseTime\":\"08:00\",\"stopMinutesBefore\":0,\"cancelMinutesBefore\":0}", 400, "VALIDATION_FAILED"),
                Arguments.of("PUT", "/api/admin/booking-rules/HOSPITAL", "{\"daysAhead\":1,\"releaseTime\":\"25:00\",\"stopMinutesBefore\":0,\"cancelMinutesBefore\":0}", 400, "MALFORMED_REQUEST"),
                Arguments.of("GET", "/api/schedules/no-such-schedule", null, 404, "SCHEDULE_NOT_FOUND"),
                Arguments.of("GET", "/api/schedules?from=2026-12-01&to=2027-12-01", null, 400, "VALIDATION_FAILED"),
                Arguments.of("GET", "/api/schedules?from=yesterday", null, 400, "VALIDATION_FAILED"),
                Arguments.of("GET", "/api/doctors/no-such-doctor", null, 404, "DOCTOR_NOT_FOUND"),
                Arguments.of("GET", "/api/admin/appointments?size=100000", null, 400, "VALIDATION_FAILED"),
                Arguments.of("GET", "/api/admin/appointments?status=WHATEVER", null, 400, "VALIDATION_FAILED"),
                Arguments.of("GET", "/api/no-such-endpoint", null, 404, "NOT_FOUND"),
                Arguments.of("POST", "/api/admin/payments//refunds", "{\"amountFen\":100,\"reason\":\"x\"}", 400, "VALIDATION_FAILED"),
                // money
                Arguments.of("POST", "/api/appointments/no-such-appointment/pay-with-balance", "{\"patientId\":\"$PATIENT\"}", 404, "APPOINTMENT_NOT_FOUND"),
                Arguments.of("POST", "/api/appointments/no-such-appointment/pay-with-balance", "{}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/appointments/no-such-appointment/pay-with-wechat", "{\"patientId\":\"$PATIENT\"}", 404, "APPOINTMENT_NOT_FOUND"),
                Arguments.of("POST", "/api/appointments/no-such-appointment/pay-with-wechat", "{\"patientId\":\"not-my-patient\"}", 404, "PATIENT_NOT_FOUND"),
                Arguments.of("POST", "/api/me/payments/RGNOSUCHORDER1/refresh", "{}", 404, "PAYMENT_NOT_FOUND"),
                Arguments.of("POST", "/api/me/payments/x/refresh", "{}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/payments/RGNOSUCHORDER1/refunds", "{\"amountFen\":100,\"reason\":\"x\"}", 404, "PAYMENT_NOT_FOUND"),
                Arguments.of("POST", "/api/admin/payments/RGNOSUCHORDER1/refunds", "{\"amountFen\":0,\"reason\":\"x\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/payments/RGNOSUCHORDER1/refunds", "{\"amountFen\":-100,\"reason\":\"x\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/payments/RGNOSUCHORDER1/refunds", "{\"amountFen\":100}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/payments/RGNOSUCHORDER1/refunds", "{\"amountFen\":\"lots\",\"reason\":\"x\"}", 400, "MALFORMED_REQUEST"),
                Arguments.of("POST", "/api/admin/payments/RGNOSUCHORDER1/refunds", "{\"amountFen\":1.5,\"reason\":\"x\"}", 400, "MALFORMED_REQUEST"),
                Arguments.of("POST", "/api/admin/payments/RGNOSUCHORDER1/refunds", "{\"amountFen\":100,\"reason\":\"x\",\"outRefundNo\":\"no\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/accounts/$PATIENT/OUTPATIENT/counter-top-ups", "{\"amountFen\":100000001,\"receiptNo\":\"r1\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/accounts/$PATIENT/OUTPATIENT/counter-top-ups", "{\"amountFen\":0,\"receiptNo\":\"r1\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/admin/accounts/no-such-patient/OUTPATIENT/counter-top-ups", "{\"amountFen\":100,\"receiptNo\":\"r1\"}", 404, "PATIENT_NOT_FOUND"),
                // names and free text: controls, bidi overrides, zero-width characters, lone surrogates, not-a-name
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"张\\u0000三\",\"idNumber\":\"" + Api.residentId(777) + "\",\"relationship\":\"SELF\"}", 400, "INVALID_NAME"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"张\\u0007三\",\"idNumber\":\"" + Api.residentId(777) + "\",\"relationship\":\"SELF\"}", 400, "INVALID_NAME"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"\\u202e三张\",\"idNumber\":\"" + Api.residentId(777) + "\",\"relationship\":\"SELF\"}", 400, "INVALID_NAME"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"张\\u200b三\",\"idNumber\":\"" + Api.residentId(777) + "\",\"relationship\":\"SELF\"}", 400, "INVALID_NAME"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"张三\\ud800\",\"idNumber\":\"" + Api.residentId(777) + "\",\"relationship\":\"SELF\"}", 400, "INVALID_NAME"),
                Arguments.of("POST", "/api/me/patients", "{\"realName\":\"张三3号\",\"idNumber\":\"" + Api.residentId(777) + "\",\"relationship\":\"SELF\"}", 400, "INVALID_NAME"),
                Arguments.of("PUT", "/api/me/patients/$PATIENT", "{\"realName\":\"<b>x</b>\",\"idNumber\":\"" + Api.residentId(777) + "\",\"relationship\":\"SELF\"}", 400, "INVALID_NAME"),
                Arguments.of("POST", "/api/admin/staff", "{\"username\":\"text_check\",\"displayName\":\"排班\\u202e员\",\"roles\":[\"AUDITOR\"]}", 400, "INVALID_NAME"),
                Arguments.of("PUT", "/api/admin/departments/d-text", "{\"name\":\"内科\\ud800\"}", 400, "INVALID_TEXT"),
                Arguments.of("PUT", "/api/admin/departments/d-text", "{\"name\":\"内科\",\"introduction\":\"心\\u0000脏\"}", 400, "INVALID_TEXT"),
                Arguments.of("PUT", "/api/admin/doctors/d-text", "{\"departmentId\":\"x\",\"name\":\"王\\u200b医生\",\"feeFen\":100}", 400, "INVALID_NAME"),
                Arguments.of("PUT", "/api/admin/doctors/d-text", "{\"departmentId\":\"x\",\"name\":\"王芳\",\"title\":\"主任\\u202e医师\",\"feeFen\":100}", 400, "INVALID_TEXT"),
                Arguments.of("POST", "/api/admin/announcements", "{\"title\":\"停诊\\u0007通知\",\"body\":\"正文\",\"activeFrom\":\"2026-01-01T00:00:00Z\"}", 400, "INVALID_TEXT"),
                Arguments.of("POST", "/api/admin/announcements", "{\"title\":\"停诊通知\",\"body\":\"正文\\ufeff\",\"activeFrom\":\"2026-01-01T00:00:00Z\"}", 400, "INVALID_TEXT"),
                Arguments.of("POST", "/api/admin/announcements", "{\"title\":\"停诊\\n通知\",\"body\":\"正文\",\"activeFrom\":\"2026-01-01T00:00:00Z\"}", 400, "INVALID_TEXT"),
                Arguments.of("POST", "/api/admin/bills", "{\"patientId\":\"$PATIENT\",\"items\":[{\"code\":\"LAB-1\",\"name\":\"血常规\\u202e\",\"category\":\"LAB\",\"quantity\":1,\"unitPriceFen\":100}]}", 400, "INVALID_TEXT"),
                Arguments.of("POST", "/api/admin/bills/BI-none/void", "{\"reason\":\"作废\\u0000\"}", 400, "INVALID_TEXT"),
                Arguments.of("POST", "/api/admin/bills/BI-none/items/1/refunds", "{\"amountFen\":100,\"reason\":\"退\\u200d款\"}", 400, "INVALID_TEXT"),
                Arguments.of("POST", "/api/admin/payments/RGNOSUCHORDER1/refunds", "{\"amountFen\":100,\"reason\":\"退款\\udc00\"}", 400, "INVALID_TEXT"),
                Arguments.of("POST", "/api/admin/schedules/no-such-schedule/suspend", "{\"reason\":\"医生\\u2066出差\"}", 400, "INVALID_TEXT"),
                Arguments.of("POST", "/api/appointments/no-such-appointment/cancel", "{\"patientId\":\"$PATIENT\",\"reason\":\"\\u001b[31m\"}", 400, "INVALID_TEXT"),
                // a bad name together with another mistake is a plain validation failure
                Arguments.of("POST", "/api/admin/staff", "{\"username\":\"x\",\"displayName\":\"排班\\u202e员\",\"roles\":[\"AUDITOR\"]}", 400, "VALIDATION_FAILED"),
                Arguments.of("POST", "/api/payments/wechatpay/notify", "{\"id\":\"forged\"}", 401, "WECHATPAY_NOTIFICATION_REJECTED"),
                Arguments.of("POST", "/api/payments/wechatpay/refund-notify", "{\"id\":\"forged\"}", 401, "WECHATPAY_NOTIFICATION_REJECTED"));
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("/api/appointments", "{not json", null, "not valid JSON (line 1, column 2)"),
                Arguments.of("/api/appointments", "[1,2]", null, "must be a JSON object"),
                Arguments.of("/api/me/patients", "{\"realName\":\"李四\",\"idNumber\":\"11010119900307123\",\"relationship\":\"COUSIN\"}",
                        "relationship", "expected one of SELF, "),
                Arguments.of("/api/admin/schedules", "{\"doctorId\":\"d\",\"date\":\"2026-13-45\",\"period\":\"MORNING\",\"capacity\":5}",
                        "date", "expected a date such as 2026-12-01, got \"2026-13-45\""),
                Arguments.of("/api/admin/schedules", "{\"doctorId\":\"d\",\"date\":\"2026-12-01\",\"period\":\"MORNING\",\"capacity\":\"five\"}",
                        "capacity", "expected a whole number, got \"five\""),
                Arguments.of("/api/admin/bills", "{\"patientId\":\"p\",\"items\":[{\"code\":\"X\",\"name\":\"x\",\"category\":\"LAB\",\"quantity\":1.5,\"unitPriceFen\":1}]}",
                        "items[0].quantity", "expected a whole number"));
    }

    @ParameterizedTest(name = "{0} {1} → {2}: {3}")
    @MethodSource("unreadableBodies")
    void anUnreadableBodySaysWhichFieldAndWhatWasExpected(String path, String body, String field, String expected) {
        Api caller = path.startsWith("/api/appointments") || path.startsWith("/api/me") ? patient.api() : api;
        Api.Response response = caller.post(path, body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(response.text("detail")).as(response.body().toString()).contains(expected);
        if (field != null) {
            assertThat(response.text("detail")).contains("'" + field + "'");
            assertThat(response.body().path("errors").path(field).asText()).contains(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3} {4}")
    @MethodSource("badRequests")
    void isRefusedClearlyAndWritesNothing(String method, String path, String body, int status, String code) {
        long eventsBefore = events();
        long departmentsBefore = count("department");
        long doctorsBefore = count("doctor");
        long staffBefore = count("staff_account");
        long announcementsBefore = count("announcement");
        String patientsBefore = patients();
        // patients' endpoints are called by a patient, the rest by the super admin
        Api caller = path.startsWith("/api/appointments") || path.startsWith("/api/me") ? patient.api() : api;
        String sent = body == null ? null : body.replace("$PATIENT", patient.patientId());
        String target = path.replace("$PATIENT", patient.patientId());
        Api.Response response = switch (method) {
            case "GET" -> caller.get(target);
            case "PUT" -> caller.put(target, sent);
            case "DELETE" -> caller.delete(target);
            default -> caller.post(target, sent);
        };
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.code()).as(response.body().toString()).isEqualTo(code);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("detail")).isNotBlank();
        if (code.startsWith("INVALID_") && response.status() == 400) {
            // the detail names the refused field, by its JSON name
            assertThat(response.body().path("errors").fieldNames()).toIterable().isNotEmpty()
                    .allSatisfy(field -> assertThat(response.text("detail")).contains(field));
        }
        assertThat(events()).isEqualTo(eventsBefore);
        assertThat(count("department")).isEqualTo(departmentsBefore);
        assertThat(count("doctor")).isEqualTo(doctorsBefore);
        assertThat(count("staff_account")).isEqualTo(staffBefore);
        assertThat(count("announcement")).isEqualTo(announcementsBefore);
        assertThat(patients()).isEqualTo(patientsBefore);
    }

    /** Events a request could write; expiries (and the releases they cause) are timers of earlier tests. */
    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type NOT IN (?, ?)", Long.class,
                com.yihuiliao.api.appointment.AppointmentExpired.class.getName(),
                com.yihuiliao.api.schedule.SlotReleased.class.getName());
    }

    /** The caller's patients as stored (an edit changes no row count). */
    private String patients() {
        return jdbc.queryForList("SELECT id, real_name FROM patient WHERE account_id = (SELECT account_id FROM patient "
                + "WHERE id = ?) ORDER BY id", patient.patientId()).toString();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
