package com.yihuiliao.query.appointment;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.Languages;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.appointment.AppointmentDetail;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.AppointmentSummary;
import com.yihuiliao.api.appointment.FindAppointment;
import com.yihuiliao.api.appointment.FindAppointments;
import com.yihuiliao.api.appointment.FindPatientAppointments;
import com.yihuiliao.api.appointment.FindStaffAppointment;
import com.yihuiliao.api.appointment.StaffAppointmentDetail;
import com.yihuiliao.api.appointment.StaffAppointmentSummary;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Appointments", description = "My patients' appointments (patients), and the appointment list (staff)")
class AppointmentQueryController {

    private final Reads reads;

    AppointmentQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/me/appointments")
    @Operation(summary = "Appointments of one of my patients, newest visit first")
    ListPage<AppointmentSummary> mine(@AuthenticationPrincipal Jwt jwt,
                                      @RequestParam @ResourceId String patientId,
                                      @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                      @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.pageOfMyPatient(jwt, patientId, AppointmentSummary.class,
                () -> new FindPatientAppointments(patientId, cursor, ListPage.size(size)));
    }

    @GetMapping("/api/me/appointments/{appointmentId}")
    @Operation(summary = "One of my appointments, with its status history")
    AppointmentDetail detail(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String appointmentId,
                             @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                             String language) {
        AppointmentDetail found = reads.oneOfMyPatients(jwt, new FindAppointment(appointmentId), AppointmentDetail.class,
                detail -> detail.appointment().patientId(), ErrorCode.APPOINTMENT_NOT_FOUND);
        return new AppointmentDetail(found.appointment(),
                HistoryWording.worded(found.history(), Languages.prefersEnglish(language)));
    }

    @GetMapping("/api/admin/appointments")
    @Operation(summary = "Staff: appointments by visit date, department, doctor, patient and status, with the "
            + "patient's name and masked ID number")
    ListPage<StaffAppointmentSummary> list(@AuthenticationPrincipal Jwt jwt,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @RequestParam(required = false) @ResourceId String departmentId,
                         @RequestParam(required = false) @ResourceId String doctorId,
                         @RequestParam(required = false) @ResourceId String patientId,
                         @RequestParam(required = false) AppointmentStatus status,
                         @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                         @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        String ownDoctor = onlyDoctor(jwt);
        if (ownDoctor != null) {
            if (doctorId != null && !doctorId.equals(ownDoctor)) {
                throw ownSchedulesOnly();
            }
            doctorId = ownDoctor;
        }
        return reads.page(new FindAppointments(date, departmentId, doctorId, patientId, status, cursor,
                ListPage.size(size)), StaffAppointmentSummary.class);
    }

    @GetMapping("/api/admin/appointments/{appointmentId}")
    @Operation(summary = "Staff: one appointment with the patient's name and masked ID number, its payments and its "
            + "status history (who and why)")
    StaffAppointmentDetail staffDetail(@AuthenticationPrincipal Jwt jwt,
                                       @PathVariable @ResourceId String appointmentId,
                                       @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE,
                                               required = false) String language) {
        StaffAppointmentDetail detail = reads.one(new FindStaffAppointment(appointmentId), StaffAppointmentDetail.class,
                ErrorCode.APPOINTMENT_NOT_FOUND);
        String ownDoctor = onlyDoctor(jwt);
        // staff may know an appointment exists; a doctor is refused others' as the list refuses their doctor id
        if (ownDoctor != null && !ownDoctor.equals(detail.appointment().doctorId())) {
            throw ownSchedulesOnly();
        }
        return new StaffAppointmentDetail(detail.appointment(), detail.paymentReference(), detail.payments(),
                HistoryWording.worded(detail.history(), Languages.prefersEnglish(language)));
    }

    /**
     * A doctor (and nothing more) sees the appointments of their own schedules only: answers their doctor id,
     * or null for other staff. A doctor account without a doctor id sees nothing.
     */
    private static String onlyDoctor(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles == null || !roles.equals(List.of("DOCTOR"))) {
            return null;
        }
        String ownDoctor = jwt.getClaimAsString("doctorId");
        if (ownDoctor == null) {
            throw ownSchedulesOnly();
        }
        return ownDoctor;
    }

    private static BusinessRuleViolation ownSchedulesOnly() {
        return new BusinessRuleViolation(ErrorCode.FORBIDDEN, "Doctors see the appointments of their own schedules.");
    }
}
