package com.yihuiliao.command.identity;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our own tokens: a short-lived signed access token (a JWT the resource server verifies) and an
 * opaque refresh token, stored only as its hash, rotated on use and revocable.
 */
@Service
public class TokenService {

    public static final String ISSUER = "yihuiliao";
    public static final String ROLES = "roles";
    public static final String KIND = "kind";
    /** A DOCTOR's own doctor id: the schedules and patients they may see. */
    public static final String DOCTOR_ID = "doctorId";

    /** The tokens of a login: a short-lived bearer access token and a refresh token; expiresIn in seconds. */
    public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    private final JwtEncoder encoder;
    private final JdbcTemplate jdbc;
    private final SecuritySettings settings;
    private final SecureRandom random = new SecureRandom();

    TokenService(JwtEncoder encoder, JdbcTemplate jdbc, SecuritySettings settings) {
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional
    public Tokens issue(String subject, String kind, List<String> roles) {
        return issue(subject, kind, roles, null);
    }

    @Transactional
    public Tokens issue(String subject, String kind, List<String> roles, String doctorId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("INSERT INTO refresh_token (token_hash, subject, kind, roles, doctor_id, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", hash(refresh), subject, kind, String.join(",", roles), doctorId,
                Timestamp.from(Instant.now().plus(settings.refreshTokenTtl())));
        return new Tokens(accessToken(subject, kind, roles, doctorId), refresh, "Bearer",
                settings.accessTokenTtl().toSeconds());
    }

    /** A refresh token is used once: it is revoked and a new pair is issued. */
    @Transactional
    public Tokens refresh(String refreshToken) {
        String hash = hash(refreshToken);
        List<String[]> found = jdbc.query("SELECT subject, kind, roles, doctor_id FROM refresh_token WHERE token_hash = ? "
                        + "AND revoked_at IS NULL AND expires_at > ? FOR UPDATE",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, hash,
                Timestamp.from(Instant.now()));
        if (found.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.TOKEN_INVALID);
        }
        revoke(hash);
        String[] row = found.get(0);
        List<String> roles = row[2].isEmpty() ? List.of() : List.of(row[2].split(","));
        return issue(row[0], row[1], roles, row[3]);
    }

    @Transactional
    public void logout(String refreshToken) {
        revoke(hash(refreshToken));
    }

    /** Every refresh token of a subject, e.g. when a staff account is disabled or its password reset. */
    @Transactional
    public void revokeAll(String subject) {
        jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE subject = ? AND revoked_at IS NULL",
                Timestamp.from(Instant.now()), subject);
    }

    private void revoke(String hash) {
        jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                Timestamp.from(Instant.now()), hash);
    }

    private String accessToken(String subject, String kind, List<String> roles, String doctorId) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTokenTtl()))
                .claim(KIND, kind)
                .claim(ROLES, roles);
        if (doctorId != null) {
            claims.claim(DOCTOR_ID, doctorId);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
