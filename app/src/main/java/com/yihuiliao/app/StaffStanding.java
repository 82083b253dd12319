package com.yihuiliao.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.identity.TokenService;
import com.yihuiliao.command.staff.StaffAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A staff token is only as good as its account now. A disabled account answers 403 {@code ACCOUNT_DISABLED}
 * at once, though its access token has not expired. A staff member whose password is a one-time password
 * (new account, reset, generated super admin) may only read their own account and change the password until
 * they have: everything else answers 403 {@code PASSWORD_CHANGE_REQUIRED}. Public endpoints (login, refresh,
 * logout, the catalogue) stay open, since anyone may call them without a token.
 *
 * <p>The flags are read from {@code staff_account} on every staff request rather than put in the token, so
 * a token issued before the change works as soon as the password is changed, and one issued before an
 * admin's reset or disabling stops working at once. It is one primary-key read, on staff requests only;
 * every node shares the database, so query nodes check the same.
 */
final class StaffStanding extends OncePerRequestFilter {

    /** What a staff member on a one-time password may still do (the rules' roles are not read here). */
    private static final List<AccessRules.Rule> ALLOWED = List.of(
            new AccessRules.Rule(HttpMethod.POST, List.of("/api/staff/me/password"), List.of("any")),
            new AccessRules.Rule(HttpMethod.GET, List.of("/api/staff/me"), List.of("any")));
    private static final String STAFF_KIND = "staff";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AccessRules access;

    StaffStanding(JdbcTemplate jdbc, ObjectMapper json, AccessRules access) {
        this.jdbc = jdbc;
        this.json = json;
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorCode refusal = refusal(request);
        if (refusal != null) {
            SecurityConfiguration.problem(request, response, json, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private ErrorCode refusal(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)
                || !STAFF_KIND.equals(token.getToken().getClaimAsString(TokenService.KIND))) {
            return null;
        }
        String subject = token.getToken().getSubject();
        if (subject == null || !subject.startsWith(StaffAccounts.subject(""))) {
            return null;
        }
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        AccessRules.Rule rule = access.forEndpoint(method, path);
        if (rule != null && rule.isPublic()) {
            return null;
        }
        List<Map<String, Object>> row = jdbc.queryForList("SELECT disabled, must_change_password FROM staff_account "
                + "WHERE id = ?", StaffAccounts.staffId(subject));
        if (row.isEmpty()) {
            return null; // the token's signature stands for it; the endpoints find no such staff member
        }
        if (Boolean.TRUE.equals(row.get(0).get("disabled"))) {
            return ErrorCode.ACCOUNT_DISABLED;
        }
        boolean oneTimePassword = Boolean.TRUE.equals(row.get(0).get("must_change_password"));
        return oneTimePassword && ALLOWED.stream().noneMatch(allowed -> allowed.matches(method, path))
                ? ErrorCode.PASSWORD_CHANGE_REQUIRED : null;
    }
}
