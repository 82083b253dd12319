package com.yihuiliao.command.topup;

import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.topup.TopUpCredited;
import com.yihuiliao.api.topup.TopUpPartlyRefunded;
import com.yihuiliao.api.topup.TopUpRefundRestored;
import com.yihuiliao.command.lookup.Lookups;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which credited top-ups fund a patient's account: a lookup table written in the transaction of the
 * command that credited or withdrew them (the subscribing group of {@link Lookups}, errors propagate), never a
 * read model. A withdrawal reads its candidates here; the {@link TopUp} aggregates decide.
 */
@Component
@ProcessingGroup(Lookups.GROUP)
public class TopUpFunding {

    private final JdbcTemplate jdbc;

    TopUpFunding(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's top-ups paid since {@code paidSince} with something left to refund, newest first. */
    public List<String> candidates(String patientId, AccountKind kind, Instant paidSince) {
        return jdbc.queryForList("SELECT top_up_id FROM topup_funding WHERE patient_id = ? AND kind = ? "
                        + "AND paid_at >= ? AND refundable_fen > 0 ORDER BY paid_at DESC, top_up_id DESC", String.class,
                patientId, kind.name(), Timestamp.from(paidSince));
    }

    @EventHandler
    void on(TopUpCredited event) {
        jdbc.update("INSERT INTO topup_funding (top_up_id, out_trade_no, patient_id, kind, paid_at, refundable_fen) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE top_up_id = top_up_id", event.topUpId(),
                event.outTradeNo(), event.patientId(), event.kind().name(), Timestamp.from(event.paidAt()),
                event.amountFen());
    }

    @EventHandler
    void on(TopUpPartlyRefunded event) {
        refundable(event.topUpId(), event.refundableAfterFen());
    }

    @EventHandler
    void on(TopUpRefundRestored event) {
        refundable(event.topUpId(), event.refundableAfterFen());
    }

    private void refundable(String topUpId, long refundableFen) {
        jdbc.update("UPDATE topup_funding SET refundable_fen = ? WHERE top_up_id = ?", refundableFen, topUpId);
    }
}
