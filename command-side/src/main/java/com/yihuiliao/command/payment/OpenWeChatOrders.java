package com.yihuiliao.command.payment;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The WeChat orders that are neither paid nor closed, read from {@code payment_order} (written in each
 * order's own transaction by {@link PaymentOrderLookup}), so the sweep and the balance-payment guard never
 * depend on a read model catching up.
 */
@Component
class OpenWeChatOrders {

    private static final String OPEN = "FROM payment_order WHERE channel = '" + PaymentChannel.WECHAT.name()
            + "' AND status = '" + PaymentStatus.CREATED.name() + "'";

    private final JdbcTemplate jdbc;

    OpenWeChatOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isOpen(String outTradeNo) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) " + OPEN + " AND out_trade_no = ?", Integer.class,
                outTradeNo);
        return n != null && n > 0;
    }

    /** The open orders of one appointment, bill or top-up, oldest first. */
    List<String> openOf(PaymentPurpose purpose, String referenceId) {
        return jdbc.queryForList("SELECT out_trade_no " + OPEN + " AND purpose = ? AND reference_id = ? "
                + "ORDER BY created_at, out_trade_no", String.class, purpose.name(), referenceId);
    }

    /** Open orders created between the two instants, oldest first. */
    List<String> createdBetween(Instant from, Instant to, int limit) {
        return jdbc.queryForList("SELECT out_trade_no " + OPEN + " AND created_at >= ? AND created_at < ? "
                + "ORDER BY created_at LIMIT ?", String.class, JdbcPaymentOrders.utc(from), JdbcPaymentOrders.utc(to),
                limit);
    }
}
