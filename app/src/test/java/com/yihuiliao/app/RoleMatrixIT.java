package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every staff endpoint, called by every role: the allowed ones pass the guard, all others get 403. */
class RoleMatrixIT extends IntegrationTest {

    private static final List<String> ROLES = List.of("SUPER_ADMIN", "SCHEDULER", "FINANCE", "AUDITOR", "DOCTOR");
    private static final Set<String> ALL_STAFF = Set.copyOf(ROLES);

    /** method path → the roles that may call it (written out here, independently of AccessRules). */
    private static final Map<String, Set<String>> ENDPOINTS = new LinkedHashMap<>();

    static {
        Set<String> scheduling = Set.of("SUPER_ADMIN", "SCHEDULER");
        ENDPOINTS.put("PUT /api/admin/departments/d-x", scheduling);
        ENDPOINTS.put("PUT /api/admin/doctors/doc-x", scheduling);
        ENDPOINTS.put("POST /api/admin/schedules", scheduling);
        ENDPOINTS.put("POST /api/admin/schedules/s-x/capacity", scheduling);
        ENDPOINTS.put("POST /api/admin/schedules/s-x/suspend", scheduling);
        ENDPOINTS.put("PATCH /api/admin/schedules/s-x", scheduling);
        ENDPOINTS.put("POST /api/admin/schedules/s-x/cancel", scheduling);
        ENDPOINTS.put("PUT /api/admin/schedule-templates/t-x", scheduling);
        ENDPOINTS.put("GET /api/admin/schedule-templates/t-x", scheduling);
        ENDPOINTS.put("POST /api/admin/schedule-templates/t-x/publish?weekStart=2026-12-07", scheduling);
        ENDPOINTS.put("PUT /api/admin/booking-rules/HOSPITAL", scheduling);
        ENDPOINTS.put("GET /api/admin/booking-rules/HOSPITAL", scheduling);
        ENDPOINTS.put("POST /api/admin/announcements", scheduling);
        ENDPOINTS.put("GET /api/admin/announcements", scheduling);
        ENDPOINTS.put("POST /api/admin/appointments/a-x/confirm", Set.of("SUPER_ADMIN", "FINANCE"));
        ENDPOINTS.put("POST /api/admin/walk-ins", Set.of("SUPER_ADMIN", "FINANCE"));
        ENDPOINTS.put("GET /api/admin/appointments", ALL_STAFF);
        Set<String> billingReaders = Set.of("SUPER_ADMIN", "FINANCE", "AUDITOR");
        ENDPOINTS.put("GET /api/admin/payments", billingReaders);
        ENDPOINTS.put("GET /api/admin/payments/RGX00001", billingReaders);
        ENDPOINTS.put("GET /api/admin/refunds", billingReaders);
        ENDPOINTS.put("GET /api/admin/accounts/p-x/movements", billingReaders);
        ENDPOINTS.put("POST /api/admin/payments/RGX00001/refunds", Set.of("SUPER_ADMIN", "FINANCE"));
        ENDPOINTS.put("GET /api/admin/invoices", Set.of("SUPER_ADMIN", "FINANCE", "AUDITOR"));
        ENDPOINTS.put("GET /api/admin/top-ups", billingReaders);
        ENDPOINTS.put("GET /api/admin/dead-letters", Set.of("SUPER_ADMIN"));
        ENDPOINTS.put("POST /api/admin/dead-letters/payment-process/retry", Set.of("SUPER_ADMIN"));
        ENDPOINTS.put("GET /api/admin/staff", Set.of("SUPER_ADMIN"));
        ENDPOINTS.put("POST /api/admin/staff", Set.of("SUPER_ADMIN"));
        ENDPOINTS.put("POST /api/admin/staff/x/disable", Set.of("SUPER_ADMIN"));
        ENDPOINTS.put("POST /api/admin/staff/x/reset-password", Set.of("SUPER_ADMIN"));
        ENDPOINTS.put("GET /api/staff/me", ALL_STAFF);
        // bills
        ENDPOINTS.put("POST /api/admin/bills", Set.of("SUPER_ADMIN", "FINANCE"));
        ENDPOINTS.put("POST /api/admin/bills/b-x/void", Set.of("SUPER_ADMIN", "FINANCE"));
        ENDPOINTS.put("POST /api/admin/bills/b-x/items/1/refunds", Set.of("SUPER_ADMIN", "FINANCE"));
        ENDPOINTS.put("GET /api/admin/bills", Set.of("SUPER_ADMIN", "FINANCE", "AUDITOR"));
        ENDPOINTS.put("GET /api/admin/bills/b-x", Set.of("SUPER_ADMIN", "FINANCE", "AUDITOR"));
        Set<String> calling = Set.of("SUPER_ADMIN", "SCHEDULER", "DOCTOR"); // a doctor: their own sessions (QueueIT)
        ENDPOINTS.put("GET /api/admin/schedules/s-x/queue", calling);
        ENDPOINTS.put("POST /api/admin/schedules/s-x/queue/call-next", calling);
        ENDPOINTS.put("POST /api/admin/schedules/s-x/queue/a-x/pass", calling);
    }

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
    void everyStaffEndpointKeepsToItsRoles() {
        Map<String, Api> staff = new LinkedHashMap<>();
        String doctorId = admin.doctor(admin.department(), 1000);
        for (String role : ROLES) {
            staff.put(role, admin.newStaff(role, "DOCTOR".equals(role) ? doctorId : null));
        }
        Api patient = anonymous.patient().api();
        for (Map.Entry<String, Set<String>> endpoint : ENDPOINTS.entrySet()) {
            String[] parts = endpoint.getKey().split(" ");
            for (String role : ROLES) {
                int status = call(staff.get(role), parts[0], parts[1]).status();
                if (endpoint.getValue().contains(role)) {
                    assertThat(status).as(role + " " + endpoint.getKey()).isNotIn(401, 403);
                } else {
                    assertThat(status).as(role + " " + endpoint.getKey()).isEqualTo(403);
                }
            }
            assertThat(call(patient, parts[0], parts[1]).status()).as("patient " + endpoint.getKey()).isEqualTo(403);
            assertThat(call(anonymous, parts[0], parts[1]).status()).as("anonymous " + endpoint.getKey()).isEqualTo(401);
        }
    }

    @Test
    void aDoctorSeesOnlyTheirOwnSchedulesAppointments() {
        String department = admin.department();
        String mine = admin.doctor(department, 1000);
        String other = admin.doctor(department, 1000);
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(2);
        expect(anonymous.patient().book(admin.schedule(mine, date, "MORNING", 5)), 201);
        expect(anonymous.patient().book(admin.schedule(other, date, "MORNING", 5)), 201);
        Api doctor = admin.newStaff("DOCTOR", mine);

        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/admin/appointments?departmentId="
                + department).body().path("total").asInt() == 2);
        JsonNode seen = doctor.get("/api/admin/appointments?departmentId=" + department).body();
        assertThat(seen.path("total").asInt()).isEqualTo(1);
        assertThat(seen.path("items").findValuesAsText("doctorId")).containsOnly(mine);
        assertThat(doctor.get("/api/admin/appointments?doctorId=" + other).status()).isEqualTo(403);
    }

    @Test
    void staffPublishEditAndWithdrawAnnouncementsAndPatientsSeeTheActiveOnes() {
        Instant now = Instant.now();
        String id = expect(admin.post("/api/admin/announcements", "{\"title\":\"春节门诊安排\",\"body\":\"初一至初三停诊\","
                + "\"activeFrom\":\"" + now.minusSeconds(60) + "\",\"pinned\":true}"), 201).text("announcementId");
        String later = expect(admin.post("/api/admin/announcements", "{\"title\":\"下月公告\",\"body\":\"x\","
                + "\"activeFrom\":\"" + now.plusSeconds(86_400) + "\",\"pinned\":false}"), 201).text("announcementId");
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.all("/api/announcements")
                .findValuesAsText("announcementId").contains(id));
        assertThat(anonymous.all("/api/announcements").findValuesAsText("announcementId")).doesNotContain(later);

        expect(admin.put("/api/admin/announcements/" + id, "{\"title\":\"春节门诊安排（更新）\",\"body\":\"初一停诊\","
                + "\"activeFrom\":\"" + now.minusSeconds(60) + "\",\"pinned\":true}"), 204);
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.all("/api/announcements")
                .findValuesAsText("title").contains("春节门诊安排（更新）"));

        expect(admin.post("/api/admin/announcements/" + id + "/withdraw", "{}"), 204);
        await().atMost(Duration.ofSeconds(20)).until(() -> !anonymous.all("/api/announcements")
                .findValuesAsText("announcementId").contains(id));
        Api.Response again = admin.post("/api/admin/announcements/" + id + "/withdraw", "{}");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("ANNOUNCEMENT_NOT_FOUND");
    }


    private static Api.Response call(Api api, String method, String path) {
        return switch (method) {
            case "GET" -> api.get(path);
            case "PUT" -> api.put(path, "{}");
            case "PATCH" -> api.patch(path, "{}");
            default -> api.post(path, "{}");
        };
    }
}
