package com.yihuiliao.query.exam;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.exam.ExamBookingDetail;
import com.yihuiliao.api.exam.ExamBookingSummary;
import com.yihuiliao.api.exam.FindExamBooking;
import com.yihuiliao.api.exam.FindExamBookings;
import com.yihuiliao.api.exam.FindPatientExamBookings;
import com.yihuiliao.api.exam.FindStaffExamBooking;
import com.yihuiliao.api.exam.StaffExamBookingDetail;
import com.yihuiliao.api.exam.StaffExamBookingSummary;
import com.yihuiliao.query.DateRanges;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
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
@Tag(name = "Physical exams", description = "Exam bookings (体检预约): my patients' (patients), and the centre's list (staff)")
class ExamBookingQueryController {

    private final Reads reads;

    ExamBookingQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/me/exam-bookings")
    @Operation(summary = "Exam bookings of one of my patients, latest exam date first")
    ListPage<ExamBookingSummary> mine(@AuthenticationPrincipal Jwt jwt,
                                      @RequestParam @ResourceId String patientId,
                                      @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                      @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.pageOfMyPatient(jwt, patientId, ExamBookingSummary.class,
                () -> new FindPatientExamBookings(patientId, cursor, ListPage.size(size)));
    }

    @GetMapping("/api/me/exam-bookings/{bookingId}")
    @Operation(summary = "One of my exam bookings, the success page's data: booking number, date, check-in time and "
            + "place, notes, status, what was paid and how, the e-invoice, and a cancellation's refund")
    ExamBookingDetail detail(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String bookingId) {
        return reads.oneOfMyPatients(jwt, new FindExamBooking(bookingId), ExamBookingDetail.class,
                ExamBookingDetail::patientId, ErrorCode.EXAM_BOOKING_NOT_FOUND);
    }

    @GetMapping("/api/admin/exam-bookings")
    @Operation(summary = "Staff: exam bookings by exam date (from–to, inclusive), package, status and a fragment of "
            + "the patient's name or phone number, with the patient's name and masked ID number")
    ListPage<StaffExamBookingSummary> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @ResourceId String packageId,
            @Parameter(description = "HELD, PAID, CHECKED_IN, EXPIRED or CANCELLED")
            @RequestParam(required = false) @Pattern(regexp = "HELD|PAID|CHECKED_IN|EXPIRED|CANCELLED") String status,
            @Parameter(description = "a fragment of the patient's name, masked ID number or phone number, or the patient id")
            @RequestParam(required = false) @Size(min = 1, max = 32) String patient,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        DateRanges.requireOrdered(from, to);
        return reads.page(new FindExamBookings(from, to, packageId, status,
                patient == null || patient.isBlank() ? null : patient.strip(), cursor, ListPage.size(size)),
                StaffExamBookingSummary.class);
    }

    @GetMapping("/api/admin/exam-bookings/{bookingId}")
    @Operation(summary = "Staff: one exam booking with its patient's name and masked ID number, payment, invoice "
            + "and refund")
    StaffExamBookingDetail staffDetail(@PathVariable @ResourceId String bookingId) {
        return reads.one(new FindStaffExamBooking(bookingId), StaffExamBookingDetail.class,
                ErrorCode.EXAM_BOOKING_NOT_FOUND);
    }
}
