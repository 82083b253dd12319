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

    @Test
    void theSameBookingCancelledByManyRequestsAtOnceRefundsExactlyOnce() throws Exception {
        Api admin = new Api(port).admin();
        String packageId = Api.unique("pkg");
        Api.expect(admin.put("/api/admin/exam-packages/" + packageId,
                ExamIT.packageJson("入职体检", 19_900, null, 0, 150, true)), 200);
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(5);
        Api.expect(admin.put("/api/admin/exam-packages/" + packageId + "/days/" + date, "{\"capacity\":10}"), 200);
        for (int requests : new int[]{2, 5, 8}) {
            Api.Patient patient = new Api(port).patient();
            Api.expect(admin.counterTopUp(patient.patientId(), 50_001), 200);
            String bookingId = Api.expect(patient.api().post("/api/exam-bookings",
                    ExamIT.booking(packageId, date, patient.patientId(), null)), 201).text("bookingId");
            String outTradeNo = Api.expect(patient.api().post("/api/exam-bookings/" + bookingId + "/pay-with-balance",
                    "{\"patientId\":\"" + patient.patientId() + "\"}"), 200).text("outTradeNo");

            Map<String, Long> outcome = ConcurrentBookingIT.race(requests, i -> patient.api().post(
                    "/api/exam-bookings/" + bookingId + "/cancel", "{\"patientId\":\"" + patient.patientId() + "\"}"));

            assertThat(outcome).as(outcome.toString()).isEqualTo(Map.of("200", (long) requests));
            String outRefundNo = "RC" + outTradeNo.substring(Math.max(0, outTradeNo.length() - 30));
            assertThat(events(outTradeNo, com.yihuiliao.api.payment.RefundReserved.class)).isEqualTo(1);
            assertThat(events(outRefundNo, com.yihuiliao.api.refund.RefundSucceeded.class)).isEqualTo(1);
            assertThat(events(bookingId, com.yihuiliao.api.exam.ExamBookingCancelled.class)).isEqualTo(1);
            // to the fen: topped up, paid, refunded once, in the account's own events
            String account = com.yihuiliao.api.account.AccountKind.OUTPATIENT.accountOf(patient.patientId());
            assertThat(events(account, com.yihuiliao.api.account.AccountCredited.class)).isEqualTo(2);
            assertThat(events(account, com.yihuiliao.api.account.AccountDebited.class)).isEqualTo(1);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> patient.api().outpatientBalanceFen(patient.patientId()) == 50_001);
        }
    }

    long events(String aggregateId, Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, aggregateId, type.getName());
    }
}
