package com.yihuiliao.command.notification;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: notifications", description = "Notifications WeChat did not take after the last retry, and retrying them")
class NotificationAdminController {

    private final Inbox inbox;
    private final Notifications notifications;

    NotificationAdminController(Inbox inbox, Notifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    /** Parked notifications, oldest first, with their attempts and WeChat's last errcode. */
    @GetMapping("/api/admin/notifications/parked")
    @Operation(summary = "List the notifications parked after their last delivery attempt")
    ListPage<Inbox.Parked> parked(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                  @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return inbox.parked(cursor, ListPage.size(size));
    }

    /** Delivers a parked notification again, from its first attempt. */
    @PostMapping("/api/admin/notifications/{notificationId}/retry")
    @Operation(summary = "Retry a parked notification")
    ResponseEntity<Void> retry(@PathVariable @ResourceId String notificationId) {
        notifications.retry(notificationId);
        return ResponseEntity.noContent().build();
    }
}
