package com.yihuiliao.command.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Login", description = "Patients log in with WeChat; tokens are refreshed and revoked here (public)")
class AuthController {

    static final String PATIENT_KIND = "patient";

    private final WeChatLogin weChat;
    private final WeChatPhoneNumbers phoneNumbers;
    private final PatientAccounts accounts;
    private final TokenService tokens;
    private final RateLimiter rateLimiter;
    private final SecuritySettings settings;

    AuthController(WeChatLogin weChat, WeChatPhoneNumbers phoneNumbers, PatientAccounts accounts, TokenService tokens,
                   RateLimiter rateLimiter, SecuritySettings settings) {
        this.weChat = weChat;
        this.phoneNumbers = phoneNumbers;
        this.accounts = accounts;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
    }

    /** The code of the mini-program's wx.login. */
    record WeChatLoginRequest(@NotBlank @Size(max = 128) String code) {
    }

    /** A refresh token, exchanged once for new tokens. */
    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
    }

    /**
     * The code the mini-program's getPhoneNumber gave: WeChat tells the number for it.
     *
     * @param code from the mini-program's getPhoneNumber button; a number itself is not accepted
     */
    record PhoneRequest(@NotBlank @Size(max = 128) @Pattern(regexp = "^[A-Za-z0-9_:.-]+$") String code) {
    }

    /** The account's bound phone number, masked. */
    record BoundPhone(String phoneMasked) {
    }

    @PostMapping("/api/auth/wechat/login")
    @Operation(summary = "Exchange a wx.login code for our own access and refresh tokens")
    TokenService.Tokens login(@Valid @RequestBody WeChatLoginRequest request, HttpServletRequest http) {
        rateLimiter.hit("login:" + http.getRemoteAddr(), settings.loginsPerMinutePerClient(), Duration.ofMinutes(1),
                "Too many logins from this client; please wait a minute.");
        String accountId = accounts.findOrCreate(weChat.exchange(request.code()));
        return tokens.issue(accountId, PATIENT_KIND, List.of("PATIENT"));
    }

    @PostMapping("/api/auth/refresh")
    @Operation(summary = "Trade a refresh token (used once) for a new pair")
    TokenService.Tokens refresh(@Valid @RequestBody RefreshRequest request) {
        return tokens.refresh(request.refreshToken());
    }

    @PostMapping("/api/auth/logout")
    @Operation(summary = "Revoke a refresh token")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        tokens.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/me/phone")
    @Operation(summary = "Bind my WeChat phone number to my account (optional): send the getPhoneNumber code, "
            + "the number comes from WeChat; answered masked", security = @SecurityRequirement(name = "bearer"))
    BoundPhone bindPhone(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PhoneRequest request) {
        WeChatPhoneNumbers.PhoneNumber phone = phoneNumbers.exchange(request.code());
        accounts.bindPhone(jwt.getSubject(), phone);
        return new BoundPhone(phone.masked());
    }
}
