package com.yihuiliao.query.appointment;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentDetail;
import com.yihuiliao.api.appointment.AppointmentPage;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.AppointmentSummary;
import com.yihuiliao.api.appointment.FindAppointment;
import com.yihuiliao.api.appointment.FindAppointments;
import com.yihuiliao.api.appointment.FindPatientAppointments;
import com.yihuiliao.query.NotFound;
import com.yihuiliao.query.PatientOwnership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Appointments", description = "My patients' appointments (patients), and the appointment list (staff)")
class AppointmentQueryController {

    private static final String ID = "^[A-Za-z0-9_-]{1,64}$";

    private final QueryGateway queries;
    private final PatientOwnership ownership;

    AppointmentQueryController(QueryGateway queries, PatientOwnership ownership) {
        this.queries = queries;
        this.ownership = ownership;
    }

    @GetMapping("/api/me/appointments")
    @Operation(summary = "Appointments of one of my patients, newest visit first")
    List<AppointmentSummary> mine(@AuthenticationPrincipal Jwt jwt,
                                  @RequestParam @Pattern(regexp = ID) String patientId) {
        ownership.requireMine(jwt, patientId);
        return queries.query(new FindPatientAppointments(patientId),
                ResponseTypes.multipleInstancesOf(AppointmentSummary.class)).join();
    }

    @GetMapping("/api/me/appointments/{appointmentId}")
    @Operation(summary = "One of my appointments, with its status history")
    AppointmentDetail detail(@AuthenticationPrincipal Jwt jwt, @PathVariable @Pattern(regexp = ID) String appointmentId) {
        AppointmentDetail detail = queries.query(new FindAppointment(appointmentId),
                ResponseTypes.instanceOf(AppointmentDetail.class)).join();
        // another account's appointment answers exactly like an unknown one, so ids do not leak
        if (detail != null && !ownership.isMine(jwt, detail.appointment().patientId())) {
            detail = null;
        }
        return NotFound.orThrow(detail, ErrorCode.APPOINTMENT_NOT_FOUND);
    }

    @GetMapping("/api/admin/appointments")
    @Operation(summary = "Staff: appointments by visit date, department, doctor and status")
    AppointmentPage list(@AuthenticationPrincipal Jwt jwt,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @RequestParam(required = false) @Pattern(regexp = ID) String departmentId,
                         @RequestParam(required = false) @Pattern(regexp = ID) String doctorId,
                         @RequestParam(required = false) AppointmentStatus status,
                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        // a doctor sees the appointments of their own schedules only
        String ownDoctor = jwt.getClaimAsString("doctorId");
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null && roles.equals(List.of("DOCTOR"))) {
            if (ownDoctor == null || (doctorId != null && !doctorId.equals(ownDoctor))) {
                throw new BusinessRuleViolation(ErrorCode.FORBIDDEN, "Doctors see the appointments of their own schedules.");
            }
            doctorId = ownDoctor;
        }
        return queries.query(new FindAppointments(date, departmentId, doctorId, status, page, size),
                ResponseTypes.instanceOf(AppointmentPage.class)).join();
    }
}
