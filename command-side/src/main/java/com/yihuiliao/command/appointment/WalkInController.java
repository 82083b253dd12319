package com.yihuiliao.command.appointment;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.appointment.BookWalkIn;
import com.yihuiliao.api.appointment.RegisteredWalkIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: walk-ins", description = "Registration at the window (现场挂号), paid at the counter")
class WalkInController {

    private final CommandGateway commands;
    private final GatedBooking booking;

    WalkInController(CommandGateway commands, GatedBooking booking) {
        this.commands = commands;
        this.booking = booking;
    }

    /**
     * A registration at the window (现场挂号): the schedule, the patient, the receipt number and the fee taken.
     *
     * @param patientId a registered patient (就诊人), of any account
     * @param receiptNo the cashier's receipt number: the same receipt registers once
     * @param amountFen what was taken at the counter: the schedule's fee (0 for a free schedule)
     */
    record WalkInRequest(@NotBlank @ResourceId String scheduleId,
                         @NotBlank @ResourceId String patientId,
                         @NotBlank @ResourceId String receiptNo,
                         @NotNull @Min(0) @Max(10_000_000) Long amountFen) {
    }

    @PostMapping("/api/admin/walk-ins")
    @ApiResponse(responseCode = "201", description = "Registered and paid at the counter", useReturnTypeSchema = true)
    @Operation(summary = "Book a slot for a patient at the window and confirm it, paid at the counter (channel "
            + "COUNTER); same rules as online booking, and until the session ends")
    ResponseEntity<RegisteredWalkIn> register(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                              @Valid @RequestBody WalkInRequest request) {
        String appointmentId = UUID.nameUUIDFromBytes(("walk-in/" + request.receiptNo())
                .getBytes(StandardCharsets.UTF_8)).toString();
        RegisteredWalkIn registered = booking.<RegisteredWalkIn>book(request.scheduleId(),
                () -> commands.sendAndWait(new BookWalkIn(request.scheduleId(), appointmentId, request.patientId(),
                        request.receiptNo(), request.amountFen(), jwt.getSubject())),
                RegisteredWalkIn::booking);
        return ResponseEntity.status(HttpStatus.CREATED).body(registered);
    }
}
