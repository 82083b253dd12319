package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 排班模板: a week published in one action, and only once. */
class ScheduleTemplateIT extends IntegrationTest {

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
    void aTemplatePublishesItsWeekOnce() {
        String department = admin.department();
        String doctorA = admin.doctor(department, 2000);
        String doctorB = admin.doctor(department, 3000);
        String templateId = Api.unique("tpl");
        expect(admin.put("/api/admin/schedule-templates/" + templateId, "{\"name\":\"内科常规周\",\"entries\":["
                + "{\"dayOfWeek\":\"MONDAY\",\"period\":\"MORNING\",\"doctorId\":\"" + doctorA + "\",\"capacity\":20},"
                + "{\"dayOfWeek\":\"WEDNESDAY\",\"period\":\"AFTERNOON\",\"doctorId\":\"" + doctorA + "\",\"capacity\":15},"
                + "{\"dayOfWeek\":\"FRIDAY\",\"period\":\"MORNING\",\"doctorId\":\"" + doctorB + "\",\"capacity\":10}]}"), 200);
        assertThat(admin.get("/api/admin/schedule-templates/" + templateId).body().path("entries")).hasSize(3);

        LocalDate monday = LocalDate.now(Clocks.HOSPITAL_ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String publish = "/api/admin/schedule-templates/" + templateId + "/publish?weekStart=" + monday;
        JsonNode first = expect(admin.post(publish, "{}"), 200).body();
        assertThat(first.path("published").asInt()).isEqualTo(3);
        assertThat(first.path("schedules").findValuesAsText("result")).containsOnly("PUBLISHED");

        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/api/schedules?departmentId=" + department
                + "&from=" + monday + "&to=" + monday.plusDays(6)).items().size() == 3);
        JsonNode week = anonymous.get("/api/schedules?departmentId=" + department + "&from=" + monday + "&to="
                + monday.plusDays(6)).items();
        assertThat(week.findValuesAsText("date")).containsExactlyInAnyOrder(monday.toString(),
                monday.plusDays(2).toString(), monday.plusDays(4).toString());
        assertThat(week.findValuesAsText("capacity")).containsExactlyInAnyOrder("20", "15", "10");
        assertThat(week.findValuesAsText("feeFen")).containsExactlyInAnyOrder("2000", "2000", "3000");

        // the same week again: nothing new
        JsonNode again = expect(admin.post(publish, "{}"), 200).body();
        assertThat(again.path("published").asInt()).isZero();
        assertThat(again.path("schedules").findValuesAsText("result")).containsOnly("EXISTING");
        assertThat(again.path("schedules").findValuesAsText("scheduleId"))
                .containsExactlyInAnyOrderElementsOf(first.path("schedules").findValuesAsText("scheduleId"));
        // a schedule published by hand is not published twice either
        admin.schedule(doctorB, monday.plusDays(7 + 4), "MORNING", 5); // the Friday the template gives doctor B
        JsonNode next = expect(admin.post("/api/admin/schedule-templates/" + templateId + "/publish?weekStart="
                + monday.plusDays(7), "{}"), 200).body();
        assertThat(next.path("published").asInt()).isEqualTo(2);
        assertThat(next.path("schedules").findValuesAsText("result")).containsExactlyInAnyOrder("PUBLISHED",
                "PUBLISHED", "EXISTING");
    }

    @Test
    void templatesAreValidated() {
        String doctor = admin.doctor(admin.department(), 1000);
        String templateId = Api.unique("tpl");
        Api.Response unknownDoctor = admin.put("/api/admin/schedule-templates/" + templateId, "{\"name\":\"周\","
                + "\"entries\":[{\"dayOfWeek\":\"MONDAY\",\"period\":\"MORNING\",\"doctorId\":\"no-such\",\"capacity\":5}]}");
        assertThat(unknownDoctor.code()).isEqualTo("DOCTOR_NOT_FOUND");
        String twice = "{\"dayOfWeek\":\"MONDAY\",\"period\":\"MORNING\",\"doctorId\":\"" + doctor + "\",\"capacity\":5}";
        Api.Response duplicate = admin.put("/api/admin/schedule-templates/" + templateId, "{\"name\":\"周\",\"entries\":["
                + twice + "," + twice + "]}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.put("/api/admin/schedule-templates/" + templateId, "{\"name\":\"周\",\"entries\":[]}").status())
                .isEqualTo(400);

        Api.Response unknown = admin.post("/api/admin/schedule-templates/no-such-template/publish?weekStart="
                + LocalDate.now(Clocks.HOSPITAL_ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)), "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("TEMPLATE_NOT_FOUND");
        expect(admin.put("/api/admin/schedule-templates/" + templateId, "{\"name\":\"周\",\"entries\":[" + twice + "]}"), 200);
        Api.Response notMonday = admin.post("/api/admin/schedule-templates/" + templateId + "/publish?weekStart="
                + LocalDate.now(Clocks.HOSPITAL_ZONE).with(TemporalAdjusters.next(DayOfWeek.TUESDAY)), "{}");
        assertThat(notMonday.status()).isEqualTo(400);
        assertThat(notMonday.text("detail")).contains("Monday");
    }
}
