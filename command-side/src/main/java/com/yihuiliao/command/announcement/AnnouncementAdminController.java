package com.yihuiliao.command.announcement;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.command.text.DisplayText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: announcements", description = "Announcements (公告): publish, edit, withdraw")
class AnnouncementAdminController {

    private final Announcements announcements;

    AnnouncementAdminController(Announcements announcements) {
        this.announcements = announcements;
    }

    /** activeUntil is exclusive; leave it empty to show the announcement until it is withdrawn. */
    record AnnouncementRequest(@NotBlank @Size(max = Announcements.TITLE_MAX) @DisplayText String title,
                               @NotBlank @Size(max = Announcements.BODY_MAX) @DisplayText(multiline = true) String body,
                               @NotNull Instant activeFrom, Instant activeUntil, boolean pinned) {
    }

    /** A published announcement's id. */
    record Published(String announcementId) {
    }

    @PostMapping("/api/admin/announcements")
    @ApiResponse(responseCode = "201", description = "Published", useReturnTypeSchema = true)
    @Operation(summary = "Publish an announcement; patients see it from activeFrom until activeUntil")
    ResponseEntity<Published> publish(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AnnouncementRequest request) {
        String id = announcements.publish(request.title(), request.body(), request.activeFrom(), request.activeUntil(),
                request.pinned(), subject(jwt));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Published(id));
    }

    @PutMapping("/api/admin/announcements/{announcementId}")
    @Operation(summary = "Replace a published announcement's content and active period")
    ResponseEntity<Void> edit(@AuthenticationPrincipal Jwt jwt, @PathVariable @ResourceId String announcementId,
                              @Valid @RequestBody AnnouncementRequest request) {
        announcements.edit(announcementId, request.title(), request.body(), request.activeFrom(), request.activeUntil(),
                request.pinned(), subject(jwt));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/announcements/{announcementId}/withdraw")
    @Operation(summary = "Withdraw an announcement; it is no longer shown and can no longer be edited")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal Jwt jwt,
                                  @PathVariable @ResourceId String announcementId) {
        announcements.withdraw(announcementId, subject(jwt));
        return ResponseEntity.noContent().build();
    }

    private static String subject(Jwt jwt) {
        return jwt == null ? null : jwt.getSubject();
    }
}
