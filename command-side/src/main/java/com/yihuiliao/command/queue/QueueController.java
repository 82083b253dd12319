package com.yihuiliao.command.queue;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.queue.CallNextPatient;
import com.yihuiliao.api.queue.MarkPatientSeen;
import com.yihuiliao.api.queue.PassPatient;
import com.yihuiliao.api.queue.QueueCall;
import com.yihuiliao.api.queue.QueueIds;
import com.yihuiliao.api.queue.QueueTicket;
import com.yihuiliao.api.queue.RejoinPatient;
import com.yihuiliao.command.lookup.StoredAggregates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Queue (staff)", description = "叫号: call the next patient of a session, mark them seen or passed (过号), "
        + "let a passed patient rejoin")
class QueueController {

    private final CommandGateway commands;
    private final StoredAggregates stored;
    private final QueueSettings settings;

    QueueController(CommandGateway commands, StoredAggregates stored, QueueSettings settings) {
        this.commands = commands;
        this.stored = stored;
        this.settings = settings;
    }

    /**
     * A call of the next patient, naming what the caller saw.
     *
     * @param currentNumber the number the caller's screen shows as called last (0 when nobody was called yet): a
     *                      retry of the same call names the same number and is answered the same patient, so a
     *                      double click or a lost answer never skips anyone; a stale screen is told 409 QUEUE_CHANGED
     */
    record CallNextRequest(@NotNull @Min(0) Integer currentNumber) {
    }

    @PostMapping("/api/admin/schedules/{scheduleId}/queue/call-next")
    @Operation(summary = "叫号: call the first waiting patient of the session, naming the number called last")
    QueueCall callNext(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String scheduleId,
                       @Valid @RequestBody CallNextRequest request) {
        return commands.sendAndWait(new CallNextPatient(queueOf(scheduleId), request.currentNumber(), ownDoctor(jwt)));
    }

    @PostMapping("/api/admin/schedules/{scheduleId}/queue/{appointmentId}/seen")
    @Operation(summary = "The called patient was seen by the doctor (a repeat changes nothing)")
    void seen(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String scheduleId,
              @PathVariable @ResourceId String appointmentId) {
        commands.sendAndWait(new MarkPatientSeen(queueOf(scheduleId), appointmentId, ownDoctor(jwt)));
    }

    @PostMapping("/api/admin/schedules/{scheduleId}/queue/{appointmentId}/pass")
    @Operation(summary = "过号: the called patient did not come (a repeat changes nothing)")
    void pass(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String scheduleId,
              @PathVariable @ResourceId String appointmentId) {
        commands.sendAndWait(new PassPatient(queueOf(scheduleId), appointmentId, ownDoctor(jwt)));
    }

    @PostMapping("/api/admin/schedules/{scheduleId}/queue/{appointmentId}/rejoin")
    @Operation(summary = "A passed patient came back: they wait again by the hospital's rule (yihuiliao.queue.rejoin: "
            + "at the end, or after the next N waiting)")
    QueueTicket rejoin(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String scheduleId,
                       @PathVariable @ResourceId String appointmentId) {
        return commands.sendAndWait(new RejoinPatient(queueOf(scheduleId), appointmentId, ownDoctor(jwt),
                settings.getRejoin(), settings.getRejoinAfter()));
    }

    /** A session nobody checked in for has no queue: 404, not an aggregate made by a call. */
    private String queueOf(String scheduleId) {
        String queueId = QueueIds.queueIdOf(scheduleId);
        if (!stored.exists(queueId)) {
            throw new BusinessRuleViolation(ErrorCode.QUEUE_NOT_FOUND);
        }
        return queueId;
    }

    /** A doctor (and nothing more) works their own sessions: their doctor id, or null for other staff. */
    static String ownDoctor(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles == null || !roles.equals(List.of("DOCTOR"))) {
            return null;
        }
        String doctorId = jwt.getClaimAsString("doctorId");
        if (doctorId == null) {
            throw new BusinessRuleViolation(ErrorCode.FORBIDDEN, "Doctors call the queues of their own sessions.");
        }
        return doctorId;
    }
}
