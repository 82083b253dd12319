package com.yihuiliao.command.payment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.yihuiliao.api.payment.CloseReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The safety net under WeChat Pay's notifications: every minute (on one node at a time: a
 * db-scheduler recurring task), open orders older than {@code query-after} are asked about — a
 * payment whose notification is late or lost is recorded — and those older than
 * {@code close-after} (past every order's time_expire) are closed at WeChat Pay and here.
 */
@Configuration
public class WeChatOrderSweep {

    private static final Logger log = LoggerFactory.getLogger(WeChatOrderSweep.class);
    private static final int BATCH = 200;

    private final OpenWeChatOrders openOrders;
    private final WeChatOrders orders;
    private final Duration queryAfter;
    private final Duration closeAfter;

    WeChatOrderSweep(OpenWeChatOrders openOrders, WeChatOrders orders,
                     @Value("${yihuiliao.wechatpay.sweep.query-after:PT1M}") Duration queryAfter,
                     @Value("${yihuiliao.wechatpay.sweep.close-after:PT35M}") Duration closeAfter) {
        this.openOrders = openOrders;
        this.orders = orders;
        this.queryAfter = queryAfter;
        this.closeAfter = closeAfter;
    }

    @Bean
    RecurringTask<Void> weChatOrderSweepTask(@Value("${yihuiliao.wechatpay.sweep.every:PT1M}") Duration every) {
        return Tasks.recurring("wechat-order-sweep", FixedDelay.of(every))
                .execute((instance, context) -> sweep(GenericEventMessage.clock.instant()));
    }

    /** One pass; answers how many orders changed (paid or closed). A failing order is left for the next pass. */
    public int sweep(Instant now) {
        int changed = 0;
        List<String> expired = openOrders.createdBetween(Instant.EPOCH, now.minus(closeAfter), BATCH);
        for (String outTradeNo : expired) {
            changed += settle(outTradeNo, true);
        }
        for (String outTradeNo : openOrders.createdBetween(now.minus(closeAfter), now.minus(queryAfter), BATCH)) {
            changed += settle(outTradeNo, false);
        }
        return changed;
    }

    private int settle(String outTradeNo, boolean expired) {
        try {
            WeChatOrders.Outcome outcome = expired ? orders.close(outTradeNo, CloseReason.ORDER_EXPIRED) : orders.refresh(outTradeNo);
            return outcome == WeChatOrders.Outcome.OPEN ? 0 : 1;
        } catch (RuntimeException e) {
            log.warn("Sweep: order {} stays open for now: {}", outTradeNo, e.getMessage());
            return 0;
        }
    }
}
