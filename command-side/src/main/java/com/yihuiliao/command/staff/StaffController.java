package com.yihuiliao.command.staff;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.command.text.PersonName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Staff", description = "Staff login (public), own password (any staff), accounts (SUPER_ADMIN)")
class StaffController {

    private final StaffAccounts staff;

    StaffController(StaffAccounts staff) {
        this.staff = staff;
    }

    /** A staff login: username and password. */
    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    /** A staff member's password change: the old password and the new one. */
    record PasswordChange(@NotBlank @Size(max = 128) String oldPassword, @NotBlank @Size(max = 128) String newPassword) {
    }

    /** A new staff account: username, display name, roles and, for a doctor, the doctor it is. */
    record NewStaff(@NotBlank @Pattern(regexp = "^[A-Za-z0-9_.-]{3,32}$") String username,
                    @NotBlank @Size(max = 64) @PersonName String displayName, @NotEmpty @Size(max = 5) List<String> roles,
                    @ResourceId String doctorId) {
    }

    /** A new (or reset) staff account's one-time password, shown once; it only allows changing the password. */
    record OneTimePassword(String staffId, String username, String oneTimePassword) {
    }

    @PostMapping("/api/auth/staff/login")
    @Operation(summary = "Staff log in with username and password; five failures lock the account for 15 minutes")
    Object login(@Valid @RequestBody LoginRequest request) {
        return staff.login(request.username(), request.password());
    }

    @GetMapping("/api/staff/me")
    @Operation(summary = "My staff account")
    StaffAccounts.Staff me(@AuthenticationPrincipal Jwt jwt) {
        return staff.get(StaffAccounts.staffId(jwt.getSubject()));
    }

    @PostMapping("/api/staff/me/password")
    @Operation(summary = "Change my password (the old one is required); other sessions are logged out")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChange request) {
        staff.changePassword(StaffAccounts.staffId(jwt.getSubject()), request.oldPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/staff")
    @Operation(summary = "Staff accounts")
    ListPage<StaffAccounts.Staff> list(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                       @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("staff", staff.list(), cursor, ListPage.size(size));
    }

    @PostMapping("/api/admin/staff")
    @ApiResponse(responseCode = "201", description = "Created, with its one-time password", useReturnTypeSchema = true)
    @Operation(summary = "Add a staff account (admins, schedulers, finance, auditors, doctors); answers a one-time password")
    ResponseEntity<OneTimePassword> create(@Valid @RequestBody NewStaff request) {
        String password = staff.create(request.username(), request.displayName(), request.roles(), request.doctorId());
        StaffAccounts.Staff created = staff.list().stream().filter(s -> s.username().equals(request.username()))
                .findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/admin/staff/" + created.staffId()))
                .body(new OneTimePassword(created.staffId(), created.username(), password));
    }

    @PostMapping("/api/admin/staff/{staffId}/disable")
    @Operation(summary = "Disable an account: its tokens stop at once and its refresh tokens are revoked")
    ResponseEntity<Void> disable(@PathVariable @ResourceId String staffId) {
        staff.setDisabled(staffId, true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/staff/{staffId}/enable")
    @Operation(summary = "Enable an account again")
    ResponseEntity<Void> enable(@PathVariable @ResourceId String staffId) {
        staff.setDisabled(staffId, false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/staff/{staffId}/reset-password")
    @Operation(summary = "Reset a password; answers a one-time password")
    OneTimePassword resetPassword(@PathVariable @ResourceId String staffId) {
        String password = staff.resetPassword(staffId);
        StaffAccounts.Staff account = staff.get(staffId);
        return new OneTimePassword(staffId, account.username(), password);
    }
}
