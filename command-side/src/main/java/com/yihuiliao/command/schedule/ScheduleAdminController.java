package com.yihuiliao.command.schedule;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.schedule.AddCapacity;
import com.yihuiliao.api.schedule.CancelSchedule;
import com.yihuiliao.api.schedule.EditSchedule;
import com.yihuiliao.api.schedule.EditedSchedule;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.schedule.SuspendSchedule;
import com.yihuiliao.command.text.DisplayText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: schedules", description = "Doctor schedules (排班), capacity and suspension (停诊)")
class ScheduleAdminController {

    private final CommandGateway commands;
    private final SchedulePublisher publisher;

    ScheduleAdminController(CommandGateway commands, SchedulePublisher publisher) {
        this.commands = commands;
        this.publisher = publisher;
    }

    /** feeFen defaults to the doctor's registration fee. */
    record PublishRequest(@NotBlank @ResourceId String doctorId, @NotNull LocalDate date,
                          @NotNull Period period, @NotNull @Min(1) @Max(10_000) Integer capacity,
                          @Min(0) @Max(10_000_000) Long feeFen) {
    }

    /** How many slots to add to a schedule. */
    record CapacityRequest(@NotNull @Min(1) @Max(10_000) Integer additional) {
    }

    /** Either or both; what is left out stays as it is. */
    record EditRequest(@Min(0) @Max(10_000_000) Long feeFen, @Min(1) @Max(10_000) Integer capacity) {
    }

    /** Why a schedule nobody booked is cancelled. */
    record CancelRequest(@Size(max = 200) @DisplayText String reason) {
    }

    /** Why a schedule is suspended (停诊): every appointment on it is cancelled with this reason. */
    record SuspendRequest(@NotBlank @Size(max = 200) @DisplayText String reason) {
    }

    @PostMapping("/api/admin/schedules")
    @ApiResponse(responseCode = "201", description = "Published", useReturnTypeSchema = true)
    @Operation(summary = "Publish a doctor's schedule; its booking window follows the rules in force")
    ResponseEntity<SchedulePublisher.Published> publish(@Valid @RequestBody PublishRequest request) {
        SchedulePublisher.Published published = publisher.publish(request.doctorId(), request.date(), request.period(),
                request.capacity(), request.feeFen());
        return ResponseEntity.created(URI.create("/api/schedules/" + published.scheduleId())).body(published);
    }

    @PostMapping("/api/admin/schedules/{scheduleId}/capacity")
    @Operation(summary = "Add slots to a schedule (加号)")
    void addCapacity(@PathVariable @ResourceId String scheduleId, @Valid @RequestBody CapacityRequest request) {
        commands.sendAndWait(new AddCapacity(scheduleId, request.additional()));
    }

    @PostMapping("/api/admin/schedules/{scheduleId}/suspend")
    @Operation(summary = "Suspend a schedule (停诊): every appointment on it is cancelled with the reason")
    void suspend(@PathVariable @ResourceId String scheduleId, @Valid @RequestBody SuspendRequest request) {
        commands.sendAndWait(new SuspendSchedule(scheduleId, request.reason()));
    }

    @PatchMapping("/api/admin/schedules/{scheduleId}")
    @Operation(summary = "Change a schedule's fee (new bookings pay it; booked ones keep theirs) and/or its capacity "
            + "(down to the slots held at the least)")
    EditedSchedule edit(@PathVariable @ResourceId String scheduleId, @Valid @RequestBody EditRequest request) {
        if (request.feeFen() == null && request.capacity() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Give a feeFen, a capacity or both.");
        }
        return known(() -> commands.sendAndWait(new EditSchedule(scheduleId, request.feeFen(), request.capacity())));
    }

    @PostMapping("/api/admin/schedules/{scheduleId}/cancel")
    @Operation(summary = "Cancel a schedule nobody booked: it is no longer listed or bookable (one with bookings is "
            + "suspended instead)")
    void cancel(@PathVariable @ResourceId String scheduleId, @Valid @RequestBody(required = false)
                CancelRequest request) {
        known(() -> commands.sendAndWait(new CancelSchedule(scheduleId, request == null ? null : request.reason())));
    }

    /** An unknown schedule id answers SCHEDULE_NOT_FOUND, as a booking of it does. */
    private static <R> R known(Supplier<R> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_NOT_FOUND);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof AggregateNotFoundException) {
                throw new BusinessRuleViolation(ErrorCode.SCHEDULE_NOT_FOUND);
            }
            throw e;
        }
    }
}
