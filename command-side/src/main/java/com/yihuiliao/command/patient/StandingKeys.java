package com.yihuiliao.command.patient;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The real person behind a patient (实名制): HMAC-SHA256 of the identity document's key (type, number, and for a
 * newborn its birth date and name) under {@code yihuiliao.standing.secret} (the environment's
 * {@code YHL_STANDING_SECRET} in production), so two accounts' patients with one document are one person, and the
 * number itself is never stored beside a ban or sent in an event. Without the secret the hash could be reversed
 * by trying every ID number, so it stays out of the database.
 */
@Component
public class StandingKeys {

    private final SecretKeySpec key;
    private final JdbcTemplate jdbc;

    StandingKeys(@Value("${yihuiliao.standing.secret}") String secret, JdbcTemplate jdbc) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("yihuiliao.standing.secret (YHL_STANDING_SECRET) must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.jdbc = jdbc;
    }

    String of(Patient patient) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(patient.documentKey().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person of a patient (live or removed), from the patient directory. */
    public Optional<String> ofPatient(String patientId) {
        List<String> found = jdbc.queryForList("SELECT standing_key FROM patient_directory WHERE patient_id = ?",
                String.class, patientId);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }
}
