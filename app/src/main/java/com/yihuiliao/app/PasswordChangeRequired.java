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
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A staff member whose password is a one-time password (new account, reset, generated super admin) may
 * only read their own account and change the password until they have: everything else answers 403
 * {@code PASSWORD_CHANGE_REQUIRED}. Public endpoints (login, refresh, logout, the catalogue) stay open,
 * since anyone may call them without a token.
 *
 * <p>The flag is read from {@code staff_account} on every staff request rather than put in the token, so
 * a token issued before the change works as soon as the password is changed, and one issued before an
 * admin's reset stops working at once. It is one primary-key read, on staff requests only; every node
 * shares the database, so query nodes check the same.
 */
final class PasswordChangeRequired extends OncePerRequestFilter {

    /** What a staff member on a one-time password may still do (the rules' roles are not read here). */
    private static final List<AccessRules.Rule> ALLOWED = List.of(
            new AccessRules.Rule(HttpMethod.POST, List.of("/api/staff/me/password"), List.of("any")),
            new AccessRules.Rule(HttpMethod.GET, List.of("/api/staff/me"), List.of("any")));
    private static final String STAFF_KIND = "staff";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PasswordChangeRequired(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (mustChangePasswordFirst(request)) {
            SecurityConfiguration.problem(request, response, json, ErrorCode.PASSWORD_CHANGE_REQUIRED);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean mustChangePasswordFirst(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)
                || !STAFF_KIND.equals(token.getToken().getClaimAsString(TokenService.KIND))) {
            return false;
        }
        String subject = token.getToken().getSubject();
        if (subject == null || !subject.startsWith(StaffAccounts.subject(""))) {
            return false;
        }
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        AccessRules.Rule rule = AccessRules.forEndpoint(method, path);
        if (rule != null && rule.isPublic() || ALLOWED.stream().anyMatch(allowed -> allowed.matches(method, path))) {
            return false;
        }
        List<Boolean> flag = jdbc.queryForList("SELECT must_change_password FROM staff_account WHERE id = ?",
                Boolean.class, StaffAccounts.staffId(subject));
        return !flag.isEmpty() && Boolean.TRUE.equals(flag.get(0));
    }
}
