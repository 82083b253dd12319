package com.yihuiliao.command.payment;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.command.lookup.Lookups;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The WeChat orders that are neither paid nor closed: a lookup row written in the order's own
 * transaction (the subscribing lookups group), so the sweep and the balance-payment guard never
 * depend on a read model catching up.
 */
@Component
@ProcessingGroup(Lookups.GROUP)
class OpenWeChatOrders {

    private final JdbcTemplate jdbc;

    OpenWeChatOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentCreated event, @Timestamp Instant at) {
        if (event.channel() == PaymentChannel.WECHAT) {
            jdbc.update("INSERT INTO open_wechat_order (out_trade_no, purpose, reference_id, created_at) "
                            + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE out_trade_no = out_trade_no",
                    event.outTradeNo(), event.purpose().name(), event.referenceId(), utc(at));
        }
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        jdbc.update("DELETE FROM open_wechat_order WHERE out_trade_no = ?", event.outTradeNo());
    }

    @EventHandler
    void on(PaymentClosed event) {
        jdbc.update("DELETE FROM open_wechat_order WHERE out_trade_no = ?", event.outTradeNo());
    }

    boolean isOpen(String outTradeNo) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM open_wechat_order WHERE out_trade_no = ?",
                Integer.class, outTradeNo);
        return n != null && n > 0;
    }

    /** The open orders of one appointment, bill or top-up, oldest first. */
    List<String> openOf(PaymentPurpose purpose, String referenceId) {
        return jdbc.queryForList("SELECT out_trade_no FROM open_wechat_order WHERE purpose = ? AND reference_id = ? "
                + "ORDER BY created_at, out_trade_no", String.class, purpose.name(), referenceId);
    }

    /** Open orders created between the two instants, oldest first. */
    List<String> createdBetween(Instant from, Instant to, int limit) {
        return jdbc.queryForList("SELECT out_trade_no FROM open_wechat_order WHERE created_at >= ? AND created_at < ? "
                + "ORDER BY created_at LIMIT ?", String.class, utc(from), utc(to), limit);
    }

    /** Stored as UTC wall time whatever the JVM's zone (the projections' convention). */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
