package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.Clocks;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An exam day's places under a race (on H2 by default, on MariaDB with -Dyihuiliao.test.db=mariadb): never oversold. */
class ConcurrentExamBookingIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoHundredAttemptsOnTwentyPlacesBookExactlyTwenty() throws Exception {
        Api admin = new Api(port).admin();
        String packageId = Api.unique("pkg");
        Api.expect(admin.put("/api/admin/exam-packages/" + packageId,
                ExamIT.packageJson("入职体检", 19_900, null, 0, 150, true)), 200);
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(5);
        Api.expect(admin.put("/api/admin/exam-packages/" + packageId + "/days/" + date, "{\"capacity\":20}"), 200);
        List<Api.Patient> patients = ConcurrentBookingIT.patients(new Api(port), 200);

        Map<String, Long> outcome = ConcurrentBookingIT.race(200, i -> patients.get(i).api().post("/api/exam-bookings",
                ExamIT.booking(packageId, date, patients.get(i).patientId(), null)));

        assertThat(outcome.get("201")).as(outcome.toString()).isEqualTo(20);
        assertThat(outcome.get("409 EXAM_DAY_FULL")).as(outcome.toString()).isEqualTo(180);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, "examday:" + packageId + ":" + date,
                com.yihuiliao.api.exam.ExamPlaceTaken.class.getName())).isEqualTo(20);
    }
}
