package com.yihuiliao.query.schedule;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.schedule.FindSchedule;
import com.yihuiliao.api.schedule.FindSchedules;
import com.yihuiliao.api.schedule.ScheduleSlots;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Schedules", description = "Schedules with live remaining slots (public)")
class ScheduleController {

    private static final int MAX_DAYS = 31;

    private final Reads reads;

    ScheduleController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/schedules")
    @Operation(summary = "Schedules from a date (default today) over up to 31 days, by department and/or doctor")
    ListPage<ScheduleSlots> schedules(
            @RequestParam(required = false) @ResourceId String departmentId,
            @RequestParam(required = false) @ResourceId String doctorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        LocalDate start = from != null ? from : LocalDate.now(Clocks.HOSPITAL_ZONE);
        LocalDate end = to != null ? to : start.plusDays(7);
        if (end.isBefore(start) || end.isAfter(start.plusDays(MAX_DAYS))) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "'to' must be on or after 'from' and at most " + MAX_DAYS + " days later.");
        }
        return ListPage.slice("schedules", reads.all(new FindSchedules(departmentId, doctorId, start, end),
                ScheduleSlots.class), cursor, ListPage.size(size));
    }

    @GetMapping("/api/schedules/{scheduleId}")
    @Operation(summary = "One schedule with its remaining slots")
    ScheduleSlots schedule(@PathVariable @ResourceId String scheduleId) {
        return reads.one(new FindSchedule(scheduleId), ScheduleSlots.class, ErrorCode.SCHEDULE_NOT_FOUND);
    }
}
