package com.yihuiliao.command.exam;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.exam.BookExam;
import com.yihuiliao.api.exam.CancelExamBooking;
import com.yihuiliao.api.exam.CancelExamBookingByHospital;
import com.yihuiliao.api.exam.CheckInExamBooking;
import com.yihuiliao.api.exam.ExamBookingSlip;
import com.yihuiliao.api.exam.ExamCancellation;
import com.yihuiliao.api.exam.PayExamWithBalance;
import com.yihuiliao.api.exam.StartWeChatExamPayment;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.WeChatOrder;
import com.yihuiliao.command.payment.WeChatCheckout;
import com.yihuiliao.command.text.DisplayText;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Physical exams", description = "Exam packages (体检套餐), read by anyone and kept by the super admin")
class ExamBookingController {

    static final String WECHAT_DESCRIPTION = "医会聊-体检费";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ExamPackages packages;
    private final WeChatCheckout checkout;

    ExamBookingController(CommandGateway commands, EventStore eventStore, ExamPackages packages,
                          WeChatCheckout checkout) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.packages = packages;
        this.checkout = checkout;
    }

    /** Which patient pays: one of the caller's patients. */
    record ExamPayRequest(@NotBlank @ResourceId String patientId) {
    }

    /** The patient cancelling, and what they say about it (optional). */
    record ExamCancelRequest(@NotBlank @ResourceId String patientId, @Size(max = 200) @DisplayText String reason) {
    }

    /** Why the hospital cancels a patient's exam booking. */
    record ExamStaffCancelRequest(@NotBlank @Size(max = 200) @DisplayText String reason) {
    }

    /** An exam day's places. */
    record ExamDayRequest(@NotNull @Min(1) @Max(ExamDay.MAX_CAPACITY) Integer capacity) {
    }

    /** An exam day as opened: its id and places. */
    record ExamDayPlaces(String examDayId, String packageId, LocalDate date, int capacity) {
    }

    /**
     * A booking: one of the caller's patients, a package and a date, and a requestId that makes a retried
     * request book once.
     */
    record ExamBookRequest(@NotBlank @ResourceId String packageId, @NotNull LocalDate date,
                       @NotBlank @ResourceId String patientId, @ResourceId String requestId) {
    }

    @PutMapping("/api/admin/exam-packages/{packageId}/days/{date}")
    @Operation(summary = "Open a package's exam day with its places, or change them (never below those taken)")
    ExamDayPlaces openDay(@PathVariable @ResourceId String packageId,
                         @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @Valid @RequestBody ExamDayRequest request) {
        // a retired package may still get days ready before it is offered again; an unknown one may not
        packages.find(packageId).orElseThrow(() -> new BusinessRuleViolation(ErrorCode.EXAM_PACKAGE_NOT_FOUND));
        String examDayId = ExamDay.idOf(packageId, date);
        if (eventStore.lastSequenceNumberFor(examDayId).isPresent()) {
            commands.sendAndWait(new ChangeExamDayCapacity(examDayId, request.capacity()));
        } else {
            commands.sendAndWait(new OpenExamDay(examDayId, packageId, date, request.capacity()));
        }
        return new ExamDayPlaces(examDayId, packageId, date, request.capacity());
    }

    @PostMapping("/api/exam-bookings")
    @ApiResponse(responseCode = "201", description = "Booked; pay before payBy", useReturnTypeSchema = true)
    @Operation(summary = "Book a package's exam on a date for one of the caller's patients: the success page's data "
            + "(booking number, date, check-in time and place, the package's notes)")
    ResponseEntity<ExamBookingSlip> book(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ExamBookRequest request) {
        String bookingId = request.requestId() == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("exam/" + request.patientId() + '/' + request.requestId())
                        .getBytes(StandardCharsets.UTF_8)).toString();
        ExamBookingSlip slip = commands.sendAndWait(new BookExam(bookingId, request.packageId(), request.date(),
                request.patientId(), jwt.getSubject(), request.requestId() != null));
        return ResponseEntity.created(URI.create("/api/exam-bookings/" + bookingId)).body(slip);
    }

    @PostMapping("/api/exam-bookings/{bookingId}/pay-with-balance")
    @Operation(summary = "Pay a held exam booking from the patient's outpatient balance; a retry answers the same payment")
    BalancePaymentResult payWithBalance(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                        @PathVariable @ResourceId String bookingId,
                                        @Valid @RequestBody ExamPayRequest request) {
        // an open WeChat order of the booking is closed once the booking is paid; if WeChat Pay took the money
        // meanwhile, that payment is refunded as late
        return commands.sendAndWait(new PayExamWithBalance(bookingId, request.patientId(), jwt.getSubject()));
    }

    @PostMapping("/api/exam-bookings/{bookingId}/pay-with-wechat")
    @Operation(summary = "Open (or reopen) the WeChat Pay order of a held exam booking; answers the wx.requestPayment "
            + "parameters. The booking is paid when WeChat Pay notifies the payment.")
    WeChatCheckout.PayWithWeChatResult payWithWeChat(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                                     @PathVariable @ResourceId String bookingId,
                                                     @Valid @RequestBody ExamPayRequest request) {
        WeChatOrder order = commands.sendAndWait(new StartWeChatExamPayment(bookingId, request.patientId(),
                jwt.getSubject()));
        return checkout.checkout(jwt.getSubject(), order.outTradeNo(), WECHAT_DESCRIPTION, order.amountFen(),
                order.expiresAt());
    }

    @PostMapping("/api/exam-bookings/{bookingId}/cancel")
    @Operation(summary = "A patient cancels their exam booking before the cancellation deadline: a paid one is "
            + "refunded in full to the channel it was paid by; a repeat refunds nothing more")
    ExamCancellation cancel(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                            @PathVariable @ResourceId String bookingId, @Valid @RequestBody ExamCancelRequest request) {
        return commands.sendAndWait(new CancelExamBooking(bookingId, request.patientId(), jwt.getSubject(),
                request.reason()));
    }

    @PostMapping("/api/admin/exam-bookings/{bookingId}/cancel")
    @Operation(summary = "Staff cancel a patient's exam booking (whatever the patient's deadline): refunded in full "
            + "to the channel it was paid by")
    ExamCancellation cancelForPatient(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                      @PathVariable @ResourceId String bookingId,
                                      @Valid @RequestBody ExamStaffCancelRequest request) {
        return commands.sendAndWait(new CancelExamBookingByHospital(bookingId, request.reason(), jwt.getSubject()));
    }

    @PostMapping("/api/admin/exam-bookings/{bookingId}/check-in")
    @Operation(summary = "The desk checks the patient in (体检签到): a paid booking, on its exam day (Beijing time), once; "
            + "a checked-in booking is no longer cancelled")
    ExamBookingSlip checkIn(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                            @PathVariable @ResourceId String bookingId) {
        return commands.sendAndWait(new CheckInExamBooking(bookingId, jwt.getSubject()));
    }
}
