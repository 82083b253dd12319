package com.yihuiliao.command.notification;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.command.patient.Patients;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Messages", description = "The patient's inbox (消息): every notification sent, read and marked read")
class NotificationController {

    private final Inbox inbox;
    private final Patients patients;
    private final JdbcTemplate jdbc;

    NotificationController(Inbox inbox, Patients patients, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.patients = patients;
        this.jdbc = jdbc;
    }

    /** The account's messages, newest first; only those about one of its patients when patientId is given. */
    @GetMapping("/api/me/messages")
    @Operation(summary = "List the account's messages, newest first (another account's patient answers 404)")
    ListPage<Inbox.Message> messages(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                     @Parameter(description = "Only this patient's messages") @RequestParam(required = false) @ResourceId String patientId,
                                     @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                     @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        String accountId = jwt.getSubject(); // /api/me/** is the patients' only: a subject is there
        if (patientId != null && !patients.isOrWasOf(patientId, accountId)) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        return inbox.messages(accountId, patientId, cursor, ListPage.size(size));
    }

    /** Marks one message read; repeating it changes nothing. */
    @PostMapping("/api/me/messages/{messageId}/read")
    @Operation(summary = "Mark a message read (another account's message answers 404)")
    ResponseEntity<Void> read(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                              @PathVariable @ResourceId String messageId) {
        inbox.markRead(jwt.getSubject(), messageId);
        return ResponseEntity.noContent().build();
    }

    /** The account declined this kind's template (wx.requestSubscribeMessage answered reject): it is no longer sent, only kept in the inbox. */
    @PutMapping("/api/me/notification-opt-outs/{kind}")
    @Operation(summary = "Stop sending one kind of notification to this account's WeChat")
    ResponseEntity<Void> optOut(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt, @PathVariable NotificationKind kind) {
        try {
            jdbc.update("INSERT INTO notification_opt_out (account_id, kind, created_at) VALUES (?, ?, ?)",
                    jwt.getSubject(), kind.name(), Timestamp.from(Notifications.instant()));
        } catch (DuplicateKeyException e) {
            // declined already
        }
        return ResponseEntity.noContent().build();
    }

    /** The account accepts this kind again. */
    @DeleteMapping("/api/me/notification-opt-outs/{kind}")
    @Operation(summary = "Send one kind of notification to this account's WeChat again")
    ResponseEntity<Void> optIn(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt, @PathVariable NotificationKind kind) {
        jdbc.update("DELETE FROM notification_opt_out WHERE account_id = ? AND kind = ?", jwt.getSubject(), kind.name());
        return ResponseEntity.noContent().build();
    }
}
