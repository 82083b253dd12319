package com.yihuiliao.command.staff;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.command.identity.SecuritySettings;
import com.yihuiliao.command.identity.TokenService;
import com.yihuiliao.command.identity.TooManyRequests;
import com.yihuiliao.command.text.TextRules;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hospital staff accounts: BCrypt passwords, roles with least privilege, and a lockout after
 * repeated failed logins, counted in Redis so every node sees the same count.
 */
@Service
public class StaffAccounts {

    public static final Set<String> ROLES = Set.of("SUPER_ADMIN", "SCHEDULER", "FINANCE", "AUDITOR", "DOCTOR");
    static final String KIND = "staff";

    /** A staff account: username, display name, roles and, for a doctor, the doctor it is. */
    public record Staff(String staffId, String username, String displayName, List<String> roles, String doctorId,
                        boolean disabled, boolean mustChangePassword) {
    }

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final StringRedisTemplate redis;
    private final SecuritySettings settings;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    StaffAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, TokenService tokens, StringRedisTemplate redis,
                  SecuritySettings settings) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.tokens = tokens;
        this.redis = redis;
        this.settings = settings;
        this.dummyHash = passwords.encode("not-a-password-" + UUID.randomUUID());
    }

    /** The first start creates the super admin; a generated password is printed once and must be changed. */
    @Transactional
    public void ensureSuperAdmin() {
        Integer admins = jdbc.queryForObject("SELECT COUNT(*) FROM staff_account WHERE roles LIKE '%SUPER_ADMIN%'",
                Integer.class);
        if (admins != null && admins > 0) {
            return;
        }
        String given = settings.adminPassword();
        boolean generated = given == null || given.isBlank();
        String password = generated ? oneTimePassword() : given;
        insert(settings.adminUsername(), "Super admin", List.of("SUPER_ADMIN"), null, password, generated);
        if (generated) {
            log.warn("Created super admin '{}' with one-time password {} (shown once; change it after logging in)",
                    settings.adminUsername(), password);
        } else {
            log.info("Created super admin '{}' with the password from the environment", settings.adminUsername());
        }
    }

    public TokenService.Tokens login(String username, String password) {
        String lockKey = "yhl:lockout:" + username.toLowerCase();
        long failures = failures(lockKey);
        if (failures >= settings.maxFailedLogins()) {
            throw new TooManyRequests(ErrorCode.ACCOUNT_LOCKED, "Too many failed logins: the account is locked for "
                    + settings.lockoutDuration().toMinutes() + " minutes.", retryAfter(lockKey));
        }
        List<Row> found = find("username = ?", username);
        Row row = found.isEmpty() ? null : found.get(0);
        boolean matches = passwords.matches(password, row == null ? dummyHash : row.passwordHash());
        if (!matches) {
            recordFailure(lockKey);
            throw new BusinessRuleViolation(ErrorCode.BAD_CREDENTIALS);
        }
        clearFailures(lockKey);
        if (row.staff().disabled()) {
            throw new BusinessRuleViolation(ErrorCode.ACCOUNT_DISABLED);
        }
        return tokens.issue(subject(row.staff().staffId()), KIND, row.staff().roles(), row.staff().doctorId());
    }

    @Transactional
    public void changePassword(String staffId, String oldPassword, String newPassword) {
        Row row = row(staffId);
        if (!passwords.matches(oldPassword, row.passwordHash())) {
            throw new BusinessRuleViolation(ErrorCode.BAD_CREDENTIALS, "The current password is wrong.");
        }
        checkPolicy(row.staff().username(), newPassword);
        if (passwords.matches(newPassword, row.passwordHash())) {
            throw new BusinessRuleViolation(ErrorCode.PASSWORD_TOO_WEAK, ProblemMessage.of("password.same-as-old"));
        }
        jdbc.update("UPDATE staff_account SET password_hash = ?, must_change_password = FALSE WHERE id = ?",
                passwords.encode(newPassword), staffId);
        tokens.revokeAll(subject(staffId));
    }

    /** Creates an account with a one-time password, answered once. */
    @Transactional
    public String create(String username, String displayName, List<String> roles, String doctorId) {
        checkRoles(roles);
        displayName = TextRules.checkedName("displayName", displayName);
        if (!find("LOWER(username) = LOWER(?)", username).isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.USERNAME_TAKEN);
        }
        String password = oneTimePassword();
        insert(username, displayName, roles, doctorId, password, true);
        return password;
    }

    @Transactional
    public void setDisabled(String staffId, boolean disabled) {
        row(staffId);
        jdbc.update("UPDATE staff_account SET disabled = ? WHERE id = ?", disabled, staffId);
        if (disabled) {
            tokens.revokeAll(subject(staffId));
        }
    }

    @Transactional
    public String resetPassword(String staffId) {
        row(staffId);
        String password = oneTimePassword();
        jdbc.update("UPDATE staff_account SET password_hash = ?, must_change_password = TRUE WHERE id = ?",
                passwords.encode(password), staffId);
        tokens.revokeAll(subject(staffId));
        return password;
    }

    public List<Staff> list() {
        return find("1 = 1").stream().map(Row::staff).toList();
    }

    public Staff get(String staffId) {
        return row(staffId).staff();
    }

    public static String subject(String staffId) {
        return "staff:" + staffId;
    }

    public static String staffId(String subject) {
        return subject.startsWith("staff:") ? subject.substring("staff:".length()) : subject;
    }

    static void checkPolicy(String username, String password) {
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean digits = password.chars().anyMatch(Character::isDigit);
        if (password.length() < 10 || password.length() > 128 || !letters || !digits
                || password.toLowerCase().contains(username.toLowerCase())) {
            throw new BusinessRuleViolation(ErrorCode.PASSWORD_TOO_WEAK,
                    ProblemMessage.of("password.policy", "min", 10, "max", 128));
        }
    }

    private static void checkRoles(List<String> roles) {
        if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Roles must be some of " + ROLES + ".");
        }
    }

    private void insert(String username, String displayName, List<String> roles, String doctorId, String password,
                        boolean mustChange) {
        jdbc.update("INSERT INTO staff_account (id, username, display_name, password_hash, roles, doctor_id, disabled, "
                        + "must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
                UUID.randomUUID().toString(), username, displayName, passwords.encode(password), String.join(",", roles),
                doctorId, mustChange, Timestamp.from(Instant.now()));
    }

    private String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.append(random.nextInt(10)).toString();
    }

    private record Row(Staff staff, String passwordHash) {
    }

    private Row row(String staffId) {
        List<Row> found = find("id = ?", staffId);
        if (found.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.STAFF_NOT_FOUND);
        }
        return found.get(0);
    }

    private List<Row> find(String where, Object... args) {
        return jdbc.query("SELECT * FROM staff_account WHERE " + where + " ORDER BY username", (rs, i) -> new Row(
                new Staff(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                        Arrays.asList(rs.getString("roles").split(",")), rs.getString("doctor_id"),
                        rs.getBoolean("disabled"), rs.getBoolean("must_change_password")),
                rs.getString("password_hash")), args);
    }

    // ---- lockout: failures counted in Redis; if Redis is down the lockout is not enforced (logged) ----

    private long failures(String key) {
        try {
            String value = redis.opsForValue().get(key);
            return value == null ? 0 : Long.parseLong(value);
        } catch (RuntimeException e) {
            log.warn("Login lockout not enforced, Redis unavailable: {}", e.toString());
            return 0;
        }
    }

    private void recordFailure(String key) {
        try {
            Long count = redis.opsForValue().increment(key);
            if (count != null && count == 1) {
                redis.expire(key, settings.lockoutDuration());
            }
        } catch (RuntimeException e) {
            log.warn("Failed login not counted, Redis unavailable: {}", e.toString());
        }
    }

    private void clearFailures(String key) {
        try {
            redis.delete(key);
        } catch (RuntimeException ignored) {
            // nothing to clear when Redis is away
        }
    }

    private long retryAfter(String key) {
        try {
            Long seconds = redis.getExpire(key);
            return seconds == null || seconds < 1 ? settings.lockoutDuration().toSeconds() : seconds;
        } catch (RuntimeException e) {
            return settings.lockoutDuration().toSeconds();
        }
    }

}
