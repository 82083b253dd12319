package com.yihuiliao.command.standing;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.standing.BanLifted;
import com.yihuiliao.api.standing.OffenceKind;
import com.yihuiliao.api.standing.PersonBanned;
import com.yihuiliao.command.lookup.Lookups;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bans as a lookup table ({@code standing_ban}), written in the transaction of the ban or its lifting (group
 * {@code lookups}), so the next booking already sees it: the booking's one read, by the patient's standing key.
 */
@Component
@ProcessingGroup(Lookups.GROUP)
public class StandingBans {

    private final JdbcTemplate jdbc;

    StandingBans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A ban as staff see it; the patient's name and masked document from the patient directory. */
    public record Ban(String banId, String patientId, String realName, String idNumberMasked, OffenceKind offence,
                      String rule, int counted, Instant from, Instant until, boolean active, String replacedBy,
                      Instant liftedAt, String liftedBy, String liftReason) {
    }

    /** The booking's check: a banned person (under any account) is refused, with until when and what was counted. */
    public void refuseIfBanned(String patientId, Instant now) {
        List<Object[]> bans = jdbc.query("SELECT b.banned_until, b.counted FROM patient_directory d "
                        + "JOIN standing_ban b ON b.standing_key = d.standing_key WHERE d.patient_id = ? "
                        + "AND b.banned_until > ? AND b.lifted_at IS NULL AND b.replaced_by IS NULL",
                (rs, i) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getInt(2)}, patientId, java.sql.Timestamp.from(now));
        if (!bans.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.BOOKING_BANNED,
                    ProblemMessage.of("booking.banned", "until", bans.get(0)[0], "counted", bans.get(0)[1]));
        }
    }

    public Optional<String> standingKeyOf(String banId) {
        return jdbc.queryForList("SELECT standing_key FROM standing_ban WHERE ban_id = ?", String.class, banId)
                .stream().findFirst();
    }

    public Optional<Ban> find(String banId, Instant now) {
        return jdbc.query("SELECT b.*, d.real_name, d.id_number_masked FROM standing_ban b LEFT JOIN patient_directory d "
                + "ON d.patient_id = b.patient_id WHERE b.ban_id = ?", (rs, i) -> ban(rs, now), banId).stream().findFirst();
    }

    /** Newest first; {@code active}: only bans in force (null: all); {@code patientId}: that patient's person's. */
    public List<Ban> list(Boolean active, String patientId, Instant now, int limit) {
        StringBuilder sql = new StringBuilder("SELECT b.*, d.real_name, d.id_number_masked FROM standing_ban b "
                + "LEFT JOIN patient_directory d ON d.patient_id = b.patient_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (patientId != null) {
            sql.append(" AND b.standing_key IN (SELECT standing_key FROM patient_directory WHERE patient_id = ?)");
            args.add(patientId);
        }
        if (active != null) {
            sql.append(active ? " AND " : " AND NOT ")
                    .append("(b.banned_until > ? AND b.lifted_at IS NULL AND b.replaced_by IS NULL)");
            args.add(java.sql.Timestamp.from(now));
        }
        sql.append(" ORDER BY b.banned_from DESC, b.ban_id DESC LIMIT ").append(limit);
        return jdbc.query(sql.toString(), (rs, i) -> ban(rs, now), args.toArray());
    }

    private static Ban ban(ResultSet rs, Instant now) throws SQLException {
        Instant until = rs.getTimestamp("banned_until").toInstant();
        java.sql.Timestamp lifted = rs.getTimestamp("lifted_at");
        String replacedBy = rs.getString("replaced_by");
        return new Ban(rs.getString("ban_id"), rs.getString("patient_id"), rs.getString("real_name"),
                rs.getString("id_number_masked"), OffenceKind.valueOf(rs.getString("offence")), rs.getString("rule_name"),
                rs.getInt("counted"), rs.getTimestamp("banned_from").toInstant(), until,
                lifted == null && replacedBy == null && until.isAfter(now), replacedBy,
                lifted == null ? null : lifted.toInstant(), rs.getString("lifted_by"), rs.getString("lift_reason"));
    }

    @EventHandler
    void on(PersonBanned event) {
        jdbc.update("UPDATE standing_ban SET replaced_by = ? WHERE standing_key = ? AND replaced_by IS NULL "
                + "AND lifted_at IS NULL AND ban_id <> ?", event.banId(), event.standingKey(), event.banId());
        if (jdbc.queryForObject("SELECT COUNT(*) FROM standing_ban WHERE ban_id = ?", Integer.class, event.banId()) == 0) {
            jdbc.update("INSERT INTO standing_ban (ban_id, standing_key, patient_id, offence, rule_name, counted, "
                            + "banned_from, banned_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", event.banId(),
                    event.standingKey(), event.patientId(), event.kind().name(), event.rule(), event.counted(),
                    java.sql.Timestamp.from(event.from()), java.sql.Timestamp.from(event.until()));
        }
    }

    @EventHandler
    void on(BanLifted event, @Timestamp Instant at) {
        jdbc.update("UPDATE standing_ban SET lifted_at = ?, lifted_by = ?, lift_reason = ? WHERE ban_id = ? "
                + "AND lifted_at IS NULL", java.sql.Timestamp.from(at), event.liftedBy(), event.reason(), event.banId());
    }
}
