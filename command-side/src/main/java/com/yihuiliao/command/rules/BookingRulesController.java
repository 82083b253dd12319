package com.yihuiliao.command.rules;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.rules.BookingRules;
import com.yihuiliao.api.rules.SetBookingRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: booking rules", description = "Hospital-wide rules, overridable per department")
class BookingRulesController {

    private final CommandGateway commands;
    private final RulesInForce rulesInForce;

    BookingRulesController(CommandGateway commands, RulesInForce rulesInForce) {
        this.commands = commands;
        this.rulesInForce = rulesInForce;
    }

    /** The hospital's booking rules: how many days ahead, the daily release time, when booking and cancelling close. */
    record RulesRequest(@NotNull @Min(0) @Max(90) Integer daysAhead, @NotNull LocalTime releaseTime,
                        @NotNull @Min(0) @Max(1440) Integer stopMinutesBefore,
                        @NotNull @Min(0) @Max(10080) Integer cancelMinutesBefore) {
    }

    @PutMapping("/api/admin/booking-rules/{scope}")
    @Operation(summary = "Set the rules of HOSPITAL or of one department id; future schedules are re-timed")
    BookingRules set(@PathVariable @ResourceId String scope,
                     @Valid @RequestBody RulesRequest request) {
        BookingRules rules = new BookingRules(request.daysAhead(), request.releaseTime(),
                request.stopMinutesBefore(), request.cancelMinutesBefore());
        commands.sendAndWait(new SetBookingRules(scope, rules));
        return rules;
    }

    @GetMapping("/api/admin/booking-rules/{scope}")
    @Operation(summary = "The rules in force for HOSPITAL or for one department")
    BookingRules get(@PathVariable @ResourceId String scope) {
        return rulesInForce.forDepartment(scope);
    }
}
