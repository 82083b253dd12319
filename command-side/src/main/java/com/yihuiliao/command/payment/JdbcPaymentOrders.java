package com.yihuiliao.command.payment;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.command.ids.PaymentIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link PaymentOrders} over the {@code payment_order} table, which {@link PaymentOrderLookup} writes. */
@Component
class JdbcPaymentOrders implements PaymentOrders {

    private final JdbcTemplate jdbc;

    JdbcPaymentOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PaymentOrder> find(String outTradeNo) {
        if (!PaymentIds.isValid(outTradeNo)) {
            return Optional.empty();
        }
        List<PaymentOrder> found = jdbc.query("SELECT * FROM payment_order WHERE out_trade_no = ?",
                JdbcPaymentOrders::row, outTradeNo);
        return found.stream().findFirst();
    }

    @Override
    public List<PaymentOrder> paidBetween(PaymentChannel channel, Instant from, Instant to) {
        return jdbc.query("SELECT * FROM payment_order WHERE channel = ? AND paid_at >= ? AND paid_at < ? "
                + "ORDER BY paid_at, out_trade_no", JdbcPaymentOrders::row, channel.name(), utc(from), utc(to));
    }

    private static PaymentOrder row(ResultSet rs, int n) throws SQLException {
        return new PaymentOrder(rs.getString("out_trade_no"), PaymentPurpose.valueOf(rs.getString("purpose")),
                rs.getString("reference_id"), rs.getString("patient_id"), rs.getLong("amount_fen"),
                PaymentChannel.valueOf(rs.getString("channel")), PaymentStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("paid_at")));
    }

    /** Stored as UTC wall time whatever the JVM's zone (the lookups' convention). */
    static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp stored) {
        return stored == null ? null : stored.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
