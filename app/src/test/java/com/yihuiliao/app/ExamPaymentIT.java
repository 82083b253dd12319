package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static com.yihuiliao.app.BillingRecordsIT.awaitRead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.exam.ExamBookingPaid;
import com.yihuiliao.api.refund.RefundSucceeded;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** 体检缴费与取消: an exam booking paid from the balance or with WeChat Pay (the sandbox), cancelled with its refund. */
class ExamPaymentIT extends IntegrationTest {

    static final long PRICE = 19_900;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api admin;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** A new package with an open day of this many places, this many days ahead; answers the package id. */
    String openDay(LocalDate date, int capacity) {
        String packageId = Api.unique("pkg");
        expect(admin.put("/api/admin/exam-packages/" + packageId,
                ExamIT.packageJson("入职体检", PRICE, null, 0, 150, true)), 200);
        expect(admin.put("/api/admin/exam-packages/" + packageId + "/days/" + date, "{\"capacity\":" + capacity + "}"),
                200);
        return packageId;
    }

    static LocalDate inDays(int days) {
        return LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(days);
    }

    static Api.Response book(Api.Patient patient, String packageId, LocalDate date) {
        return patient.api().post("/api/exam-bookings", ExamIT.booking(packageId, date, patient.patientId(), null));
    }

    static String booked(Api.Patient patient, String packageId, LocalDate date) {
        return expect(book(patient, packageId, date), 201).text("bookingId");
    }

    static Api.Response pay(Api.Patient patient, String bookingId, String how) {
        return patient.api().post("/api/exam-bookings/" + bookingId + "/pay-with-" + how,
                "{\"patientId\":\"" + patient.patientId() + "\"}");
    }

    static Api.Response cancel(Api.Patient patient, String bookingId) {
        return patient.api().post("/api/exam-bookings/" + bookingId + "/cancel",
                "{\"patientId\":\"" + patient.patientId() + "\",\"reason\":\"改期\"}");
    }

    Api.Response simulate(String what, String field, String number) {
        return new Api(port).post("/sandbox/wechatpay/simulate/" + what, "{\"" + field + "\":\"" + number + "\"}");
    }

    static JsonNode awaitDetail(Api.Patient patient, String bookingId, java.util.function.Predicate<JsonNode> until) {
        return awaitRead(patient.api(), "/api/me/exam-bookings/" + bookingId, until);
    }

    long events(String aggregateId, Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, aggregateId, type.getName());
    }

    long balance(Api.Patient patient) {
        return patient.api().outpatientBalanceFen(patient.patientId());
    }

    Api.Patient patientWithBalance(long fen) {
        Api.Patient patient = new Api(port).patient();
        expect(admin.counterTopUp(patient.patientId(), fen), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == fen);
        return patient;
    }

    /** The patient's inbox messages of one kind. */
    static List<JsonNode> inbox(Api.Patient patient, String kind) {
        List<JsonNode> messages = new ArrayList<>();
        expect(patient.api().get("/api/me/messages?patientId=" + patient.patientId()), 200).items().forEach(m -> {
            if (kind.equals(m.path("kind").asText())) {
                messages.add(m);
            }
        });
        return messages;
    }

    // --- tests ------------------------------------------------------------------------------------

    @Test
    void paidFromTheBalance_theDetailShowsPaidAndItsInvoice() {
        LocalDate date = inDays(4);
        String packageId = openDay(date, 5);
        Api.Patient patient = patientWithBalance(50_000);
        String bookingId = booked(patient, packageId, date);

        JsonNode paid = expect(pay(patient, bookingId, "balance"), 200).body();
        String outTradeNo = paid.path("outTradeNo").asText();
        assertThat(outTradeNo).startsWith("EX");
        assertThat(paid.path("amountFen").asLong()).isEqualTo(PRICE);
        assertThat(paid.path("balanceAfterFen").asLong()).isEqualTo(50_000 - PRICE);
        // a retried request answers the same payment and takes nothing more
        assertThat(expect(pay(patient, bookingId, "balance"), 200).text("outTradeNo")).isEqualTo(outTradeNo);
        assertThat(pay(patient, bookingId, "wechat").code()).isEqualTo("EXAM_BOOKING_NOT_PAYABLE");

        JsonNode detail = awaitDetail(patient, bookingId, d -> d.path("status").asText().equals("PAID")
                && !d.path("invoiceNo").isNull() && !d.path("invoiceNo").isMissingNode());
        assertThat(detail.path("bookingNumber").asText()).startsWith("TJ");
        assertThat(detail.path("date").asText()).isEqualTo(date.toString());
        assertThat(detail.path("checkInTime").asText()).isNotBlank();
        assertThat(detail.path("checkInPlace").asText()).isNotBlank();
        assertThat(detail.path("notes").asText()).contains("禁食");
        assertThat(detail.path("paidFen").asLong()).isEqualTo(PRICE);
        assertThat(detail.path("paymentChannel").asText()).isEqualTo("BALANCE");
        assertThat(detail.path("outTradeNo").asText()).isEqualTo(outTradeNo);
        assertThat(detail.path("invoiceNo").asText()).startsWith("YHL");
        assertThat(events(bookingId, ExamBookingPaid.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == 50_000 - PRICE);

        // the patient's list, and the fee among the billing records like a registration fee
        JsonNode mine = awaitRead(patient.api(), "/api/me/exam-bookings?patientId=" + patient.patientId(),
                l -> l.path("items").size() == 1 && l.path("items").get(0).path("status").asText().equals("PAID"));
        assertThat(mine.path("items").get(0).path("bookingId").asText()).isEqualTo(bookingId);
        JsonNode record = awaitRead(admin, "/api/admin/payments/" + outTradeNo, r -> true).path("payment");
        assertThat(record.path("purpose").asText()).isEqualTo("EXAM");
        assertThat(record.path("referenceId").asText()).isEqualTo(bookingId);
        assertThat(record.path("amountFen").asLong()).isEqualTo(PRICE);
    }

    @Test
    void tooLittleBalance_isRefusedAndWritesNothing() {
        LocalDate date = inDays(4);
        String packageId = openDay(date, 5);
        Api.Patient patient = patientWithBalance(PRICE - 1);
        String bookingId = booked(patient, packageId, date);
        assertThat(pay(patient, bookingId, "balance").code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(events(bookingId, ExamBookingPaid.class)).isZero();
        assertThat(balance(patient)).isEqualTo(PRICE - 1);
    }

    @Test
    void paidWithWeChat_theBookingIsPaidOnceWhenWeChatPayNotifies() {
        LocalDate date = inDays(4);
        String packageId = openDay(date, 5);
        Api.Patient patient = new Api(port).patient();
        String bookingId = booked(patient, packageId, date);

        JsonNode prepay = expect(pay(patient, bookingId, "wechat"), 200).body();
        String outTradeNo = prepay.path("outTradeNo").asText();
        assertThat(outTradeNo).startsWith("EXW");
        assertThat(prepay.path("amountFen").asLong()).isEqualTo(PRICE);
        assertThat(prepay.path("paySign").asText()).isNotBlank();
        // a retry finds the same order
        assertThat(expect(pay(patient, bookingId, "wechat"), 200).text("outTradeNo")).isEqualTo(outTradeNo);

        expect(simulate("pay", "outTradeNo", outTradeNo), 200);
        JsonNode detail = awaitDetail(patient, bookingId, d -> d.path("status").asText().equals("PAID")
                && d.path("invoiceNo").isTextual());
        assertThat(detail.path("paymentChannel").asText()).isEqualTo("WECHAT");
        assertThat(detail.path("outTradeNo").asText()).isEqualTo(outTradeNo);
        assertThat(events(bookingId, ExamBookingPaid.class)).isEqualTo(1);
    }

    @Test
    void switchingToTheBalance_closesTheOpenWeChatOrder() {
        LocalDate date = inDays(4);
        String packageId = openDay(date, 5);
        Api.Patient patient = patientWithBalance(PRICE);
        String bookingId = booked(patient, packageId, date);
        String weChatOrder = expect(pay(patient, bookingId, "wechat"), 200).text("outTradeNo");

        expect(pay(patient, bookingId, "balance"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(weChatOrder,
                com.yihuiliao.api.payment.PaymentClosed.class) == 1);
        assertThat(events(bookingId, ExamBookingPaid.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == 0);
    }

    @Test
    void cancelledBeforeTheDeadline_refundsTheBalanceOnceAndGivesThePlaceBack() {
        LocalDate date = inDays(4);
        String packageId = openDay(date, 1);
        Api.Patient patient = patientWithBalance(30_000);
        String bookingId = booked(patient, packageId, date);
        expect(pay(patient, bookingId, "balance"), 200);
        Api.Patient other = new Api(port).patient();
        assertThat(book(other, packageId, date).code()).isEqualTo("EXAM_DAY_FULL");

        JsonNode cancelled = expect(cancel(patient, bookingId), 200).body();
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("refund").path("amountFen").asLong()).isEqualTo(PRICE);
        assertThat(cancelled.path("refund").path("status").asText()).isEqualTo("SUCCEEDED");
        String outRefundNo = cancelled.path("refund").path("outRefundNo").asText();
        assertThat(outRefundNo).startsWith("RC");
        // again: the same refund, nothing more
        assertThat(expect(cancel(patient, bookingId), 200).body().path("refund").path("outRefundNo").asText())
                .isEqualTo(outRefundNo);
        assertThat(events(outRefundNo, RefundSucceeded.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == 30_000);
        assertThat(pay(patient, bookingId, "balance").code()).isEqualTo("EXAM_BOOKING_NOT_PAYABLE");

        // the place goes back to the day (ExamProcess)
        await().atMost(Duration.ofSeconds(20)).until(() -> book(other, packageId, date).status() == 201);
        JsonNode detail = awaitDetail(patient, bookingId, d -> d.path("status").asText().equals("CANCELLED")
                && d.path("refundStatus").asText().equals("SUCCEEDED"));
        assertThat(detail.path("refundedFen").asLong()).isEqualTo(PRICE);
        assertThat(detail.path("cancelledBy").asText()).isEqualTo("PATIENT");
        assertThat(detail.path("cancelReason").asText()).isEqualTo("改期");
    }

    @Test
    void cancelledAfterPayingWithWeChat_isRefundedToWeChat() {
        LocalDate date = inDays(4);
        String packageId = openDay(date, 2);
        Api.Patient patient = new Api(port).patient();
        String bookingId = booked(patient, packageId, date);
        String outTradeNo = expect(pay(patient, bookingId, "wechat"), 200).text("outTradeNo");
        expect(simulate("pay", "outTradeNo", outTradeNo), 200);
        awaitDetail(patient, bookingId, d -> d.path("status").asText().equals("PAID"));

        JsonNode cancelled = expect(cancel(patient, bookingId), 200).body();
        assertThat(cancelled.path("refund").path("status").asText()).isEqualTo("REQUESTED");
        String outRefundNo = cancelled.path("refund").path("outRefundNo").asText();
        // applied for at WeChat Pay by the payment process; WeChat Pay completes it and notifies
        await().atMost(Duration.ofSeconds(20)).until(() -> simulate("refund", "outRefundNo", outRefundNo).status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(outRefundNo, RefundSucceeded.class) == 1);
        // the booking's status and its refund are kept by two projections: wait for both
        JsonNode detail = awaitDetail(patient, bookingId, d -> d.path("refundStatus").asText().equals("SUCCEEDED")
                && d.path("status").asText().equals("CANCELLED"));
        assertThat(detail.path("refundedFen").asLong()).isEqualTo(PRICE);
    }

    @Test
    void afterTheDeadline_thePatientIsRefusedButTheHospitalMayCancel() {
        LocalDate date = inDays(1); // under the tests' rule (two days before) its deadline has passed
        String packageId = openDay(date, 2);
        Api.Patient patient = patientWithBalance(PRICE);
        String bookingId = booked(patient, packageId, date);
        expect(pay(patient, bookingId, "balance"), 200);

        Api.Response tooLate = cancel(patient, bookingId);
        assertThat(tooLate.status()).isEqualTo(422);
        assertThat(tooLate.code()).isEqualTo("EXAM_CANCEL_DEADLINE_PASSED");
        assertThat(events(bookingId, com.yihuiliao.api.exam.ExamBookingCancelled.class)).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == 0);

        Api scheduler = admin.newStaff("SCHEDULER", null);
        JsonNode cancelled = expect(scheduler.post("/api/admin/exam-bookings/" + bookingId + "/cancel",
                "{\"reason\":\"设备检修\"}"), 200).body();
        assertThat(cancelled.path("refund").path("status").asText()).isEqualTo("SUCCEEDED");
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == PRICE);
        JsonNode detail = awaitDetail(patient, bookingId, d -> d.path("status").asText().equals("CANCELLED"));
        assertThat(detail.path("cancelledBy").asText()).isEqualTo("HOSPITAL");
    }

    @Test
    void anotherAccountsBookingIsUnknownAndStaffNeedTheirRole() {
        LocalDate date = inDays(4);
        String packageId = openDay(date, 2);
        Api.Patient patient = patientWithBalance(PRICE);
        String bookingId = booked(patient, packageId, date);
        Api.Patient stranger = patientWithBalance(PRICE);

        // the stranger names the owner's patient, or their own: either way, no such booking
        assertThat(stranger.api().post("/api/exam-bookings/" + bookingId + "/pay-with-balance",
                "{\"patientId\":\"" + patient.patientId() + "\"}").status()).isEqualTo(404);
        assertThat(pay(stranger, bookingId, "balance").code()).isEqualTo("EXAM_BOOKING_NOT_FOUND");
        assertThat(pay(stranger, bookingId, "wechat").code()).isEqualTo("EXAM_BOOKING_NOT_FOUND");
        assertThat(cancel(stranger, bookingId).code()).isEqualTo("EXAM_BOOKING_NOT_FOUND");
        awaitDetail(patient, bookingId, d -> d.path("status").asText().equals("HELD"));
        assertThat(stranger.api().get("/api/me/exam-bookings/" + bookingId).status()).isEqualTo(404);
        assertThat(stranger.api().get("/api/me/exam-bookings?patientId=" + patient.patientId()).status()).isEqualTo(404);
        assertThat(balance(stranger)).isEqualTo(PRICE);

        // staff: finance and doctors do not cancel; doctors do not read; patients are no staff
        Api finance = admin.newStaff("FINANCE", null);
        assertThat(finance.post("/api/admin/exam-bookings/" + bookingId + "/cancel", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(admin.newStaff("AUDITOR", null).get("/api/admin/exam-bookings").status()).isEqualTo(200);
        assertThat(patient.api().get("/api/admin/exam-bookings").status()).isEqualTo(403);
        assertThat(patient.api().post("/api/admin/exam-bookings/" + bookingId + "/cancel", "{\"reason\":\"x\"}")
                .status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/exam-bookings/no-such-booking/cancel", "{\"reason\":\"x\"}").code())
                .isEqualTo("EXAM_BOOKING_NOT_FOUND");
        assertThat(finance.get("/api/admin/exam-bookings/no-such-booking").code()).isEqualTo("EXAM_BOOKING_NOT_FOUND");
    }

    @Test
    void staffFindBookingsByDatePackageStatusAndPatient() {
        LocalDate date = inDays(6);
        String packageId = openDay(date, 5);
        Api.Patient paying = patientWithBalance(PRICE);
        String paid = booked(paying, packageId, date);
        expect(pay(paying, paid, "balance"), 200);
        Api.Patient holding = new Api(port).patient();
        String held = booked(holding, packageId, date);
        Api finance = admin.newStaff("FINANCE", null);
        String byPackage = "/api/admin/exam-bookings?packageId=" + packageId;

        JsonNode all = awaitRead(finance, byPackage, l -> l.path("items").size() == 2
                && l.path("items").findValuesAsText("status").contains("PAID"));
        JsonNode first = all.path("items").get(0);
        assertThat(first.path("patientName").asText()).isEqualTo("张三");
        assertThat(first.path("patientIdNumberMasked").asText()).contains("*");
        assertThat(all.toString()).doesNotContain("13812345678");
        assertThat(expect(finance.get(byPackage + "&status=PAID"), 200).body().path("items").get(0)
                .path("booking").path("bookingId").asText()).isEqualTo(paid);
        assertThat(expect(finance.get(byPackage + "&patient=张&from=" + date + "&to=" + date), 200).body()
                .path("items")).hasSize(2);
        assertThat(expect(finance.get(byPackage + "&patient=1234567"), 200).body().path("items")).hasSize(2);
        assertThat(expect(finance.get(byPackage + "&patient=李四"), 200).body().path("items")).isEmpty();
        assertThat(expect(finance.get(byPackage + "&from=" + date.plusDays(1)), 200).body().path("items")).isEmpty();

        // keyset pages: one a page, no row twice
        JsonNode page = expect(finance.get(byPackage + "&size=1"), 200).body();
        String cursor = page.path("nextCursor").asText();
        JsonNode second = expect(finance.get(byPackage + "&size=1&cursor=" + cursor), 200).body();
        assertThat(java.util.List.of(page.path("items").get(0).path("booking").path("bookingId").asText(),
                second.path("items").get(0).path("booking").path("bookingId").asText())).containsExactlyInAnyOrder(paid, held);

        JsonNode detail = expect(finance.get("/api/admin/exam-bookings/" + paid), 200).body();
        assertThat(detail.path("patientName").asText()).isEqualTo("张三");
        assertThat(detail.path("booking").path("status").asText()).isEqualTo("PAID");
        assertThat(finance.get(byPackage + "&status=SOMETHING").status()).isEqualTo(400);
        assertThat(finance.get(byPackage + "&from=" + date + "&to=" + date.minusDays(1)).status()).isEqualTo(400);
    }

    @Test
    void theDeskChecksInAPaidBookingOnItsExamDayOnce_andThePatientIsToldOfPaymentAndCancellation() {
        LocalDate date = inDays(3);
        String packageId = openDay(date, 5);
        Api.Patient patient = patientWithBalance(2 * PRICE);
        String bookingId = booked(patient, packageId, date);
        Api scheduler = admin.newStaff("SCHEDULER", null);
        String checkIn = "/api/admin/exam-bookings/" + bookingId + "/check-in";

        assertThat(expect(scheduler.post(checkIn, ""), 409).code()).isEqualTo("EXAM_BOOKING_NOT_CHECKABLE");
        expect(pay(patient, bookingId, "balance"), 200);
        // 体检预约成功, with the booking number; the reminder of the evening before is scheduled
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(patient, "EXAM_BOOKED").size() == 1);
        JsonNode told = inbox(patient, "EXAM_BOOKED").get(0);
        assertThat(told.path("data").path("character_string1").asText()).startsWith("TJ");
        assertThat(told.path("data").path("time2").asText()).startsWith(date.toString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'notification-reminder' "
                + "AND task_instance = ?", Long.class, "reminder:" + bookingId + ":EXAM_DAY_BEFORE")).isEqualTo(1);

        // not on another day; not by finance, a patient or an unknown booking
        assertThat(expect(scheduler.post(checkIn, ""), 422).code()).isEqualTo("EXAM_CHECK_IN_NOT_TODAY");
        assertThat(admin.newStaff("FINANCE", null).post(checkIn, "").status()).isEqualTo(403);
        assertThat(patient.api().post(checkIn, "").status()).isEqualTo(403);
        assertThat(expect(scheduler.post("/api/admin/exam-bookings/no-such-booking/check-in", ""), 404).code())
                .isEqualTo("EXAM_BOOKING_NOT_FOUND");
        assertThat(events(bookingId, com.yihuiliao.api.exam.ExamCheckInRecorded.class)).isZero();

        // the exam day, 08:00 Beijing time, for the desk's two clicks
        Clock real = GenericEventMessage.clock;
        Api.Response first;
        Api.Response again;
        GenericEventMessage.clock = Clock.fixed(date.atTime(8, 0).atZone(Clocks.HOSPITAL_ZONE).toInstant(), ZoneOffset.UTC);
        try {
            first = scheduler.post(checkIn, "");
            again = scheduler.post(checkIn, "");
        } finally {
            GenericEventMessage.clock = real;
        }
        assertThat(expect(first, 200).text("status")).isEqualTo("CHECKED_IN");
        assertThat(expect(again, 409).code()).isEqualTo("EXAM_ALREADY_CHECKED_IN");
        assertThat(events(bookingId, com.yihuiliao.api.exam.ExamCheckInRecorded.class)).isEqualTo(1);

        // both views show it; staff see who did it
        JsonNode mine = awaitDetail(patient, bookingId, d -> d.path("status").asText().equals("CHECKED_IN"));
        assertThat(mine.path("checkedInAt").asText()).isNotBlank();
        JsonNode staff = awaitRead(admin, "/api/admin/exam-bookings/" + bookingId,
                d -> d.path("booking").path("status").asText().equals("CHECKED_IN"));
        assertThat(staff.path("checkedInBy").asText()).isNotBlank();
        assertThat(expect(admin.get("/api/admin/exam-bookings?packageId=" + packageId + "&status=CHECKED_IN"), 200)
                .body().path("items")).hasSize(1);
        // checked in: no longer cancelled, by anyone
        assertThat(admin.post("/api/admin/exam-bookings/" + bookingId + "/cancel", "{\"reason\":\"x\"}").code())
                .isEqualTo("EXAM_BOOKING_NOT_CANCELLABLE");

        // another paid booking, cancelled: the patient is told the fee goes back
        LocalDate later = inDays(5);
        String other = booked(patient, openDay(later, 5), later);
        expect(pay(patient, other, "balance"), 200);
        expect(cancel(patient, other), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(patient, "EXAM_CANCELLED").size() == 1);
        assertThat(inbox(patient, "EXAM_CANCELLED").get(0).path("data").path("thing4").asText()).contains("原路退回");
    }
}
