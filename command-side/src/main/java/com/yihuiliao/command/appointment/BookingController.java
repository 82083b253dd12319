package com.yihuiliao.command.appointment;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.appointment.AppointmentBookedResult;
import com.yihuiliao.api.appointment.BookAppointment;
import com.yihuiliao.api.appointment.CancelAppointment;
import com.yihuiliao.api.appointment.CheckInAppointment;
import com.yihuiliao.api.queue.QueueTicket;
import com.yihuiliao.api.appointment.ConfirmAppointment;
import com.yihuiliao.command.identity.RateLimiter;
import com.yihuiliao.command.identity.SecuritySettings;
import com.yihuiliao.command.text.DisplayText;
import java.time.Duration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Booking", description = "Book, cancel and confirm appointments")
class BookingController {

    private final CommandGateway commands;
    private final GatedBooking booking;
    private final RateLimiter rateLimiter;
    private final SecuritySettings settings;
    private final BookingSettings bookingSettings;

    BookingController(CommandGateway commands, GatedBooking booking, RateLimiter rateLimiter, SecuritySettings settings,
                      BookingSettings bookingSettings) {
        this.commands = commands;
        this.booking = booking;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.bookingSettings = bookingSettings;
    }

    /**
     * A booking: the schedule, one of the caller's patients, and a requestId that makes a retried request book once.
     *
     * @param patientId one of the caller's patients (就诊人)
     * @param requestId optional client-chosen key: retrying with the same key books at most once
     */
    record BookRequest(@NotBlank @ResourceId String scheduleId,
                       @NotBlank @ResourceId String patientId,
                       @ResourceId String requestId) {
    }

    /** A patient's cancellation, before the deadline, with an optional reason. */
    record CancelRequest(@NotBlank @ResourceId String patientId, @Size(max = 200) @DisplayText String reason) {
    }

    /** A payment reference that confirms a held appointment. */
    record ConfirmRequest(@NotBlank @Size(max = 64) @DisplayText String paymentReference) {
    }

    @PostMapping("/api/appointments")
    @ApiResponse(responseCode = "201", description = "Held; pay before holdExpiresAt", useReturnTypeSchema = true)
    @Operation(summary = "Hold a slot for a patient, awaiting payment (a free schedule confirms at once)")
    ResponseEntity<AppointmentBookedResult> book(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody BookRequest request) {
        rateLimiter.hit("booking:" + jwt.getSubject(), settings.bookingsPerMinutePerAccount(), Duration.ofMinutes(1),
                "Too many booking attempts from this account; please wait a minute.");
        String appointmentId = request.requestId() == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((request.patientId() + '/' + request.scheduleId() + '/' + request.requestId())
                        .getBytes(StandardCharsets.UTF_8)).toString();
        AppointmentBookedResult result = booking.<AppointmentBookedResult>book(request.scheduleId(), () -> commands.sendAndWait(
                new BookAppointment(request.scheduleId(), appointmentId, request.patientId(), jwt.getSubject(),
                        request.requestId() != null)), booked -> booked);
        return ResponseEntity.created(URI.create("/api/appointments/" + appointmentId)).body(result);
    }

    @PostMapping("/api/appointments/{appointmentId}/cancel")
    @Operation(summary = "A patient cancels their appointment before the cancellation deadline")
    void cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String appointmentId,
                @Valid @RequestBody CancelRequest request) {
        commands.sendAndWait(new CancelAppointment(appointmentId, request.patientId(), jwt.getSubject(),
                request.reason()));
    }

    /** A patient's check-in (签到) at the hospital, for one of their patients. */
    record CheckInRequest(@NotBlank @ResourceId String patientId) {
    }

    @PostMapping("/api/appointments/{appointmentId}/check-in")
    @Operation(summary = "A patient checks in (签到) for a confirmed appointment on its visit day, from the window before "
            + "its period starts until it ends, and takes a queue number (取号) for the doctor's session; checked in, it "
            + "is never missed")
    QueueTicket checkIn(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String appointmentId,
                        @Valid @RequestBody CheckInRequest request) {
        return commands.sendAndWait(new CheckInAppointment(appointmentId, request.patientId(), jwt.getSubject(),
                bookingSettings.checkInOpensBefore().toMinutes()));
    }

    @PostMapping("/api/admin/appointments/{appointmentId}/confirm")
    @Operation(summary = "Confirm a held appointment once its fee is paid (the payment flow's command)")
    void confirm(@PathVariable @ResourceId String appointmentId, @Valid @RequestBody ConfirmRequest request) {
        commands.sendAndWait(new ConfirmAppointment(appointmentId, request.paymentReference()));
    }
}
