package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.payment.PayFromBalance;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.api.refund.RefundSucceeded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The money core: balances, paying from them, counter top-ups, refunds — and their races. */
class MoneyIT extends IntegrationTest {

    static final long FEE = 3_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    Api admin;
    Api finance;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
        finance = admin.newStaff("FINANCE", null);
    }

    // --- helpers ----------------------------------------------------------------------------------

    Api.Response topUp(String patientId, long amountFen, String receiptNo) {
        return finance.post("/api/admin/accounts/" + patientId + "/OUTPATIENT/counter-top-ups",
                "{\"amountFen\":" + amountFen + ",\"receiptNo\":\"" + receiptNo + "\"}");
    }

    String book(Api.Patient patient, String scheduleId) {
        Api.Response booked = Api.expect(patient.book(scheduleId), 201);
        assertThat(booked.text("status")).isEqualTo("HELD");
        return booked.text("appointmentId");
    }

    Api.Response payWithBalance(Api.Patient patient, String appointmentId) {
        return patient.payWithBalance(appointmentId);
    }

    Api.Response refund(String outTradeNo, long amountFen, String outRefundNo) {
        return finance.post("/api/admin/payments/" + outTradeNo + "/refunds", "{\"amountFen\":" + amountFen
                + ",\"reason\":\"test\"" + (outRefundNo == null ? "" : ",\"outRefundNo\":\"" + outRefundNo + "\"") + "}");
    }

    /** The outpatient balance as the patient reads it (a projection: waits until it shows the expected value). */
    void awaitBalance(Api.Patient patient, long expectedFen) {
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == expectedFen);
    }

    long balance(Api.Patient patient) {
        return patient.api().outpatientBalanceFen(patient.patientId());
    }

    /** The balance the event store says: the balance after the account's last movement. */
    long balanceInEventStore(String patientId) {
        List<Long> sequences = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC", Long.class, patientId + ":OUTPATIENT");
        if (sequences.isEmpty()) {
            return 0;
        }
        long credits = sumOf(patientId + ":OUTPATIENT", AccountCredited.class, "amountFen");
        long debits = sumOf(patientId + ":OUTPATIENT", AccountDebited.class, "amountFen");
        return credits - debits;
    }

    long events(String aggregateId, Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, aggregateId, type.getName());
    }

    /** Every stored event of a type, as JSON. */
    List<JsonNode> payloads(Class<?> type) {
        return jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE payload_type = ?", byte[].class,
                type.getName()).stream().map(payload -> {
                    try {
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
    }

    /** Sums a numeric field of the stored JSON payloads of one aggregate's events of a type. */
    long sumOf(String aggregateId, Class<?> type, String field) {
        List<byte[]> payloads = jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", byte[].class, aggregateId, type.getName());
        long sum = 0;
        for (byte[] payload : payloads) {
            try {
                sum += new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path(field).asLong();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return sum;
    }

    // --- paying from the balance ------------------------------------------------------------------

    @Test
    void payWithBalance_confirmsTheAppointmentAndTakesTheFee() {
        String scheduleId = admin.openSchedule(5, FEE);
        Api.Patient patient = new Api(port).patient();
        Api.expect(topUp(patient.patientId(), 5_000, Api.unique("rcpt")), 200);
        String appointmentId = book(patient, scheduleId);

        Api.Response paid = Api.expect(payWithBalance(patient, appointmentId), 200);

        String outTradeNo = paid.text("outTradeNo");
        assertThat(outTradeNo).matches("^RG\\d{6}[0-9A-Z]{10}$");
        assertThat(paid.body().path("amountFen").asLong()).isEqualTo(FEE);
        assertThat(paid.body().path("balanceAfterFen").asLong()).isEqualTo(2_000);
        BookingFlowIT.awaitStatus(patient, appointmentId, "CONFIRMED");
        awaitBalance(patient, 2_000);
        assertThat(balanceInEventStore(patient.patientId())).isEqualTo(2_000);

        // a retried request pays once
        Api.Response again = Api.expect(payWithBalance(patient, appointmentId), 200);
        assertThat(again.text("outTradeNo")).isEqualTo(outTradeNo);
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountDebited.class)).isEqualTo(1);
    }

    @Test
    void payWithBalance_insufficientBalanceWritesNothing() {
        String scheduleId = admin.openSchedule(5, FEE);
        Api.Patient patient = new Api(port).patient();
        Api.expect(topUp(patient.patientId(), 1_000, Api.unique("rcpt")), 200);
        String appointmentId = book(patient, scheduleId);

        Api.Response refused = payWithBalance(patient, appointmentId);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(events(appointmentId, AppointmentConfirmed.class)).isZero();
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountDebited.class)).isZero();
        assertThat(payloads(PaymentCreated.class).stream()
                .filter(p -> p.path("referenceId").asText().equals(appointmentId))).isEmpty();
        awaitBalance(patient, 1_000);
        BookingFlowIT.awaitStatus(patient, appointmentId, "HELD");

        // a patient without any account has no balance either
        Api.Patient poor = new Api(port).patient();
        String other = book(poor, scheduleId);
        assertThat(payWithBalance(poor, other).code()).isEqualTo("INSUFFICIENT_BALANCE");
    }

    @Test
    void payWithBalance_onlyForTheCallersOwnPatientAndAppointment() {
        String scheduleId = admin.openSchedule(5, FEE);
        Api.Patient alice = new Api(port).patient();
        Api.Patient bob = new Api(port).patient();
        Api.expect(topUp(bob.patientId(), 5_000, Api.unique("rcpt")), 200);
        String alicesAppointment = book(alice, scheduleId);

        // bob's account paying with alice's patient id: unknown patient
        Api.Response foreignPatient = bob.api().post("/api/appointments/" + alicesAppointment + "/pay-with-balance",
                "{\"patientId\":\"" + alice.patientId() + "\"}");
        assertThat(foreignPatient.status()).isEqualTo(404);
        assertThat(foreignPatient.code()).isEqualTo("PATIENT_NOT_FOUND");
        // bob's own patient paying for alice's appointment: unknown appointment
        Api.Response foreignAppointment = payWithBalance(bob, alicesAppointment);
        assertThat(foreignAppointment.status()).isEqualTo(404);
        assertThat(foreignAppointment.code()).isEqualTo("APPOINTMENT_NOT_FOUND");
        awaitBalance(bob, 5_000);
    }

    // --- counter top-ups --------------------------------------------------------------------------

    @Test
    void counterTopUp_isIdempotentByReceipt() {
        Api.Patient patient = new Api(port).patient();
        String receipt = Api.unique("rcpt");

        Api.Response first = Api.expect(topUp(patient.patientId(), 1_000, receipt), 200);
        Api.Response again = Api.expect(topUp(patient.patientId(), 1_000, receipt), 200);

        assertThat(first.body().path("balanceFen").asLong()).isEqualTo(1_000);
        assertThat(again.body().path("balanceFen").asLong()).isEqualTo(1_000);
        Api.Response changed = topUp(patient.patientId(), 2_000, receipt);
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        Api.expect(topUp(patient.patientId(), 500, Api.unique("rcpt")), 200);
        awaitBalance(patient, 1_500);
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountCredited.class)).isEqualTo(2);
    }

    @Test
    void counterTopUp_refusesBadInputAndOtherRoles() {
        Api.Patient patient = new Api(port).patient();
        assertThat(topUp(patient.patientId(), 0, "r1").status()).isEqualTo(400);
        assertThat(topUp(patient.patientId(), -5, "r1").status()).isEqualTo(400);
        assertThat(topUp("no-such-patient", 100, "r1").code()).isEqualTo("PATIENT_NOT_FOUND");
        assertThat(finance.post("/api/admin/accounts/" + patient.patientId() + "/SAVINGS/counter-top-ups",
                "{\"amountFen\":100,\"receiptNo\":\"r1\"}").status()).isEqualTo(400);
        assertThat(patient.api().post("/api/admin/accounts/" + patient.patientId() + "/OUTPATIENT/counter-top-ups",
                "{\"amountFen\":100,\"receiptNo\":\"r1\"}").status()).isEqualTo(403);
        assertThat(admin.newStaff("SCHEDULER", null).post("/api/admin/accounts/" + patient.patientId()
                + "/OUTPATIENT/counter-top-ups", "{\"amountFen\":100,\"receiptNo\":\"r1\"}").status()).isEqualTo(403);
        Api.expect(admin.post("/api/admin/accounts/" + patient.patientId() + "/INPATIENT/counter-top-ups",
                "{\"amountFen\":100,\"receiptNo\":\"r1\"}"), 200);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> patient.api().get("/api/me/accounts?patientId="
                + patient.patientId()).items().findValuesAsText("balanceFen").equals(List.of("0", "100")));
        // another account's patient is not theirs to read
        Api.Patient stranger = new Api(port).patient();
        assertThat(stranger.api().get("/api/me/accounts?patientId=" + patient.patientId()).code())
                .isEqualTo("PATIENT_NOT_FOUND");
    }

    // --- refunds ----------------------------------------------------------------------------------

    @Test
    void staffRefund_partThenMoreThanRemainsIsRefused() {
        String scheduleId = admin.openSchedule(5, FEE);
        Api.Patient patient = new Api(port).patient();
        Api.expect(topUp(patient.patientId(), 5_000, Api.unique("rcpt")), 200);
        String outTradeNo = Api.expect(payWithBalance(patient, book(patient, scheduleId)), 200).text("outTradeNo");

        Api.Response first = Api.expect(refund(outTradeNo, 1_000, "RF-test-" + outTradeNo.substring(8)), 200);
        assertThat(first.text("status")).isEqualTo("SUCCEEDED");
        awaitBalance(patient, 3_000);
        assertThat(payloads(RefundSucceeded.class)).anySatisfy(succeeded -> {
            assertThat(succeeded.path("outRefundNo").asText()).isEqualTo(first.text("outRefundNo"));
            assertThat(succeeded.path("balanceAfterFen").asLong()).isEqualTo(3_000);
        });

        Api.Response tooMuch = refund(outTradeNo, 2_001, null);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_PAID");

        // the same refund number again refunds once
        Api.Response repeated = Api.expect(refund(outTradeNo, 1_000, "RF-test-" + outTradeNo.substring(8)), 200);
        assertThat(repeated.text("status")).isEqualTo("SUCCEEDED");
        Api.expect(refund(outTradeNo, 2_000, null), 200);
        assertThat(refund(outTradeNo, 1, null).code()).isEqualTo("REFUND_EXCEEDS_PAID");
        awaitBalance(patient, 5_000);
        assertThat(sumOf(outTradeNo, RefundSettled.class, "amountFen")).isEqualTo(FEE);

        assertThat(refund("RGNOSUCHORDER", 1, null).code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(patient.api().post("/api/admin/payments/" + outTradeNo + "/refunds",
                "{\"amountFen\":1,\"reason\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void cancellingABalancePaidAppointmentRefundsIt() {
        String scheduleId = admin.openSchedule(5, FEE);
        Api.Patient patient = new Api(port).patient();
        Api.expect(topUp(patient.patientId(), 5_000, Api.unique("rcpt")), 200);
        String appointmentId = book(patient, scheduleId);
        String outTradeNo = Api.expect(payWithBalance(patient, appointmentId), 200).text("outTradeNo");
        awaitBalance(patient, 2_000);

        Api.expect(patient.api().post("/api/appointments/" + appointmentId + "/cancel",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200);

        await().atMost(Duration.ofSeconds(20)).until(() -> events("RC" + outTradeNo, RefundSucceeded.class) == 1);
        awaitBalance(patient, 5_000);
        assertThat(sumOf(outTradeNo, RefundSettled.class, "amountFen")).isEqualTo(FEE);
        assertThat(balanceInEventStore(patient.patientId())).isEqualTo(5_000);
    }

    @Test
    void cancellingAfterAPartialRefundRefundsWhatRemains() {
        String scheduleId = admin.openSchedule(5, FEE);
        Api.Patient patient = new Api(port).patient();
        Api.expect(topUp(patient.patientId(), 5_000, Api.unique("rcpt")), 200);
        String appointmentId = book(patient, scheduleId);
        String outTradeNo = Api.expect(payWithBalance(patient, appointmentId), 200).text("outTradeNo");
        Api.expect(refund(outTradeNo, 500, null), 200);

        awaitBalance(patient, 2_500);

        Api.expect(admin.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生外出会诊\"}"), 200);

        // suspension → cancelled by the hospital → the remaining 2500 refunded
        await().atMost(Duration.ofSeconds(20)).until(() -> sumOf(outTradeNo, RefundSettled.class, "amountFen") == FEE);
        assertThat(balanceInEventStore(patient.patientId())).isEqualTo(5_000);
        awaitBalance(patient, 5_000);
    }

    // --- races ------------------------------------------------------------------------------------

    @Test
    void fiftyParallelBalancePaymentsAgainstABalanceWorthTen() throws Exception {
        Api.Patient patient = new Api(port).patient();
        Api.expect(topUp(patient.patientId(), 1_000, Api.unique("rcpt")), 200);

        Map<String, Long> outcome = raceCommands(50, i -> new PayFromBalance(
                com.yihuiliao.command.ids.PaymentIds.next("BL"), PaymentPurpose.BILL, "bill-" + i,
                patient.patientId(), 100));

        assertThat(outcome.get("OK")).as(outcome.toString()).isEqualTo(10);
        assertThat(outcome.get("INSUFFICIENT_BALANCE")).as(outcome.toString()).isEqualTo(40);
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountDebited.class)).isEqualTo(10);
        assertThat(balanceInEventStore(patient.patientId())).isZero();
        assertThat(payloads(PaymentCreated.class).stream()
                .filter(p -> p.path("patientId").asText().equals(patient.patientId()))).hasSize(10);
        awaitBalance(patient, 0);
    }

    @Test
    void twentyParallelRefundsOfOnePaymentNeverRefundMoreThanPaid() throws Exception {
        String scheduleId = admin.openSchedule(5, FEE);
        Api.Patient patient = new Api(port).patient();
        Api.expect(topUp(patient.patientId(), 5_000, Api.unique("rcpt")), 200);
        String outTradeNo = Api.expect(payWithBalance(patient, book(patient, scheduleId)), 200).text("outTradeNo");

        Map<String, Long> outcome = ConcurrentBookingIT.race(20, i -> refund(outTradeNo, 700, null));

        // 3000 paid: four refunds of 700 fit (2800), the rest are refused
        assertThat(outcome.get("200")).as(outcome.toString()).isEqualTo(4);
        assertThat(outcome.get("409 REFUND_EXCEEDS_PAID")).as(outcome.toString()).isEqualTo(16);
        assertThat(sumOf(outTradeNo, RefundSettled.class, "amountFen")).isEqualTo(2_800).isLessThanOrEqualTo(FEE);
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountCredited.class)).isEqualTo(1 + 4);
        assertThat(balanceInEventStore(patient.patientId())).isEqualTo(5_000 - FEE + 2_800);
        awaitBalance(patient, 5_000 - FEE + 2_800);
    }

    /** Dispatches commands from 32 threads; counts "OK" and the refusals' codes. */
    Map<String, Long> raceCommands(int attempts, java.util.function.IntFunction<Object> command) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> results = threads.invokeAll(IntStream.range(0, attempts)
                    .<java.util.concurrent.Callable<String>>mapToObj(i -> () -> {
                        try {
                            commands.sendAndWait(command.apply(i));
                            return "OK";
                        } catch (RuntimeException e) {
                            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                                if (cause instanceof BusinessRuleViolation refused) {
                                    return refused.code().name();
                                }
                            }
                            return e.toString();
                        }
                    }).toList());
            List<String> outcomes = new java.util.ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            return outcomes.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        } finally {
            threads.shutdownNow();
        }
    }
}
