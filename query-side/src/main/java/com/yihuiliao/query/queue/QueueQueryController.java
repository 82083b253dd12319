package com.yihuiliao.query.queue;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.queue.FindQueuePlace;
import com.yihuiliao.api.queue.FindSessionQueue;
import com.yihuiliao.api.queue.QueueOverview;
import com.yihuiliao.api.queue.QueuePlace;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Queue", description = "取号 / 叫号: a session's queue (staff) and my place in it (patients)")
class QueueQueryController {

    private final Reads reads;

    QueueQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/me/appointments/{appointmentId}/queue")
    @Operation(summary = "My checked-in appointment's queue number, its state (waiting, called, seen, passed), how "
            + "many wait before me and the number called last")
    QueuePlace mine(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String appointmentId) {
        return reads.oneOfMyPatients(jwt, new FindQueuePlace(appointmentId), QueuePlace.class, QueuePlace::patientId,
                ErrorCode.QUEUE_ENTRY_NOT_FOUND);
    }

    @GetMapping("/api/admin/schedules/{scheduleId}/queue")
    @Operation(summary = "Staff: a session's queue — the number called last, the called, the waiting line in calling "
            + "order, the passed and the seen (a doctor: their own sessions only)")
    QueueOverview queue(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String scheduleId) {
        QueueOverview queue = reads.one(new FindSessionQueue(scheduleId), QueueOverview.class, ErrorCode.QUEUE_NOT_FOUND);
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null && roles.equals(List.of("DOCTOR")) && !queue.doctorId().equals(jwt.getClaimAsString("doctorId"))) {
            throw new BusinessRuleViolation(ErrorCode.FORBIDDEN, "Doctors see the queues of their own sessions.");
        }
        return queue;
    }
}
