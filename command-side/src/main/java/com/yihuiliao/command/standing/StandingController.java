package com.yihuiliao.command.standing;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.standing.LiftBan;
import com.yihuiliao.api.standing.PenaltyRules;
import com.yihuiliao.api.standing.SetPenaltyRules;
import com.yihuiliao.api.standing.OffenceKind;
import com.yihuiliao.command.patient.Patients;
import com.yihuiliao.command.text.DisplayText;
import java.time.Instant;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
@Tag(name = "Bans (staff)", description = "Missed appointments (爽约): who may not book online, lifting a ban, the penalty rules")
class StandingController {

    private static final Logger log = LoggerFactory.getLogger(StandingController.class);
    /** Bans are few beside appointments: read whole (newest first, at most this many) and sliced. */
    private static final int MAX_LISTED = 2000;

    private final CommandGateway commands;
    private final StandingBans bans;
    private final Patients patients;

    StandingController(CommandGateway commands, StandingBans bans, Patients patients) {
        this.commands = commands;
        this.bans = bans;
        this.patients = patients;
    }

    /**
     * A ban as its patient reads it: until when online booking is closed to them, and what was counted.
     *
     * @param counted the offences the rule counted in its window
     */
    record OwnBan(String banId, OffenceKind offence, int counted, Instant from, Instant until) {
    }

    @GetMapping("/api/me/bans")
    @Operation(summary = "My patient's bans in force (under any account of the same person); another account's patient is 404")
    ListPage<OwnBan> own(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                         @RequestParam @ResourceId String patientId) {
        if (!patients.isOrWasOf(patientId, jwt.getSubject())) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        List<OwnBan> own = bans.list(true, patientId, GenericEventMessage.clock.instant(), ListPage.MAX_SIZE).stream()
                .map(b -> new OwnBan(b.banId(), b.offence(), b.counted(), b.from(), b.until())).toList();
        return ListPage.slice("own-bans", own, null, ListPage.MAX_SIZE);
    }

    @GetMapping("/api/admin/bans")
    @Operation(summary = "Bans, newest first: active ones by default (active=false: ended, lifted or replaced), "
            + "or those of one patient's person (under any account)")
    ListPage<StandingBans.Ban> list(@RequestParam(required = false, defaultValue = "true") boolean active,
                                    @RequestParam(required = false) @ResourceId String patientId,
                                    @RequestParam(required = false) @Parameter(description = ListPage.SIZE_DOC) Integer size,
                                    @RequestParam(required = false) @Parameter(description = ListPage.CURSOR_DOC) String cursor) {
        int pageSize = ListPage.size(size);
        return ListPage.slice("bans", bans.list(active, patientId, GenericEventMessage.clock.instant(), MAX_LISTED),
                cursor, pageSize);
    }

    /**
     * Why a ban is lifted before its end.
     *
     * @param reason why it is lifted, in the staff member's words (kept with the ban)
     */
    record LiftRequest(@NotBlank @Size(max = 500) @DisplayText String reason) {
    }

    @PostMapping("/api/admin/bans/{banId}/lift")
    @Operation(summary = "Lift a ban before its end, with a reason; the staff member is recorded (a repeat changes nothing)")
    StandingBans.Ban lift(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                          @PathVariable @ResourceId String banId, @Valid @RequestBody LiftRequest request) {
        String standingKey = bans.standingKeyOf(banId).orElseThrow(() -> new BusinessRuleViolation(ErrorCode.BAN_NOT_FOUND));
        commands.sendAndWait(new LiftBan(standingKey, banId, jwt.getSubject(), request.reason()));
        log.info("Staff {} lifted ban {}", jwt.getSubject(), banId);
        return bans.find(banId, GenericEventMessage.clock.instant())
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.BAN_NOT_FOUND));
    }

    @GetMapping("/api/admin/penalty-rules")
    @Operation(summary = "The penalty rules in force")
    PenaltyRules rules() {
        return commands.sendAndWait(new DescribePenaltyRules());
    }

    @PutMapping("/api/admin/penalty-rules")
    @Operation(summary = "Set the penalty rules: offences from now on are weighed by them; earlier bans stay as given")
    PenaltyRules setRules(@Valid @NotNull @RequestBody PenaltyRules rules) {
        commands.sendAndWait(new SetPenaltyRules(SetPenaltyRules.POLICY, rules));
        return rules;
    }
}
