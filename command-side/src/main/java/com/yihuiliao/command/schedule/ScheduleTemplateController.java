package com.yihuiliao.command.schedule;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.command.text.DisplayText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Admin: schedule templates", description = "Weekly templates (排班模板) that publish a week in one action")
class ScheduleTemplateController {

    private final ScheduleTemplates templates;

    ScheduleTemplateController(ScheduleTemplates templates) {
        this.templates = templates;
    }

    /** One entry of a weekly template: a doctor's session on a day of the week, with its slots. */
    record EntryRequest(@NotNull DayOfWeek dayOfWeek, @NotNull Period period,
                        @NotBlank @ResourceId String doctorId,
                        @NotNull @Min(1) @Max(10_000) Integer capacity) {
    }

    /** A weekly schedule template (排班模板) as saved: its name and entries. */
    record TemplateRequest(@NotBlank @Size(max = 100) @DisplayText String name,
                           @NotNull @Size(min = 1, max = ScheduleTemplates.MAX_ENTRIES) List<@Valid @NotNull EntryRequest> entries) {
    }

    @PutMapping("/api/admin/schedule-templates/{templateId}")
    @Operation(summary = "Create or replace a weekly template: (dayOfWeek, period, doctorId, capacity) entries")
    ScheduleTemplates.Template save(@PathVariable @ResourceId String templateId,
                                    @Valid @RequestBody TemplateRequest request) {
        return templates.save(templateId, request.name(), request.entries().stream()
                .map(e -> new ScheduleTemplates.Entry(e.dayOfWeek(), e.period(), e.doctorId(), e.capacity())).toList());
    }

    @GetMapping("/api/admin/schedule-templates/{templateId}")
    @Operation(summary = "A weekly template")
    ScheduleTemplates.Template find(@PathVariable @ResourceId String templateId) {
        return templates.find(templateId);
    }

    @PostMapping("/api/admin/schedule-templates/{templateId}/publish")
    @Operation(summary = "Publish the template's schedules for the week starting on weekStart (a Monday); publishing "
            + "a week again creates nothing new")
    ScheduleTemplates.WeekPublished publish(@PathVariable @ResourceId String templateId,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart) {
        return templates.publish(templateId, weekStart);
    }
}
