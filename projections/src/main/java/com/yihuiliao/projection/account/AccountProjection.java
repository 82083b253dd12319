package com.yihuiliao.projection.account;

import com.yihuiliao.api.account.AccountBalance;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.FindPatientAccounts;
import com.yihuiliao.projection.Utc;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each account's balance as of its latest movement. Every event carries the balance after it, so
 * a row only ever moves forward to a higher sequence number: redelivery changes nothing.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class AccountProjection {

    public static final String GROUP = "account-view";

    private final JdbcTemplate jdbc;

    AccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountCredited e, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(e.accountId(), e.patientId(), e.kind(), e.balanceAfterFen(), sequence, at);
    }

    @EventHandler
    void on(AccountDebited e, @SequenceNumber long sequence, @Timestamp Instant at) {
        save(e.accountId(), e.patientId(), e.kind(), e.balanceAfterFen(), sequence, at);
    }

    private void save(String accountId, String patientId, AccountKind kind, long balanceFen, long sequence,
                      Instant at) {
        int updated = jdbc.update("UPDATE account_view SET balance_fen = ?, last_sequence = ?, updated_at = ? "
                + "WHERE account_id = ? AND last_sequence < ?", balanceFen, sequence, Utc.of(at), accountId, sequence);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO account_view (account_id, patient_id, kind, balance_fen, last_sequence, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?)", accountId, patientId, kind.name(), balanceFen,
                        sequence, Utc.of(at));
            } catch (DuplicateKeyException alreadyNewer) {
                // the row reflects this event or a later one
            }
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM account_view");
    }

    /** The patient's accounts, outpatient first; an account never credited is not listed. */
    @QueryHandler
    List<AccountBalance> handle(FindPatientAccounts query) {
        return jdbc.query("SELECT patient_id, kind, balance_fen, updated_at FROM account_view WHERE patient_id = ? "
                        + "ORDER BY kind DESC",
                (rs, row) -> new AccountBalance(rs.getString("patient_id"), AccountKind.valueOf(rs.getString("kind")),
                        rs.getLong("balance_fen"), Utc.read(rs, "updated_at")),
                query.patientId());
    }
}
