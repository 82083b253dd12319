package com.yihuiliao.command.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.yihuiliao.api.payment.FailWeChatRefund;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies for a WeChat refund and acts on WeChat Pay's answer. WeChat Pay takes at most one refund request per
 * order a minute and answers the next FREQUENCY_LIMITED: that refund is then applied for again later by a
 * db-scheduler one-time task ({@value #RETRY}, instance = its out_refund_no, so a second scheduling changes
 * nothing), persistent across restarts and run by one node, again every {@code retry-after} until WeChat Pay
 * takes or refuses it. The same out_refund_no every time: WeChat Pay refunds it once.
 */
@Configuration(proxyBeanMethods = false)
public class WeChatRefunds {

    static final String RETRY = "wechat-refund-retry";
    private static final Logger log = LoggerFactory.getLogger(WeChatRefunds.class);
    /** WeChat Pay's refund errors that no retry will cure (others — SYSTEM_ERROR, NOT_ENOUGH, FREQUENCY_LIMITED — will be retried). */
    static final Set<String> REFUSED_FOR_GOOD = Set.of("USER_ACCOUNT_ABNORMAL", "INVALID_REQUEST", "PARAM_ERROR",
            "ORDER_NOT_EXIST", "RESOURCE_NOT_EXISTS");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A refund to apply for; its reason is worded for the payer, who reads it in WeChat. */
    record Application(String outTradeNo, String outRefundNo, long amountFen, long totalFen, String reason) {
    }

    private final WeChatPay weChatPay;
    private final CommandGateway commands;
    private final WeChatOrders weChatOrders;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Duration retryAfter;

    WeChatRefunds(WeChatPay weChatPay, CommandGateway commands, WeChatOrders weChatOrders,
                  ObjectProvider<SchedulerClient> scheduler,
                  @Value("${yihuiliao.wechatpay.refund-retry-after:PT61S}") Duration retryAfter) {
        this.weChatPay = weChatPay;
        this.commands = commands;
        this.weChatOrders = weChatOrders;
        this.scheduler = scheduler;
        this.retryAfter = retryAfter;
    }

    @Bean
    OneTimeTask<String> weChatRefundRetryTask() {
        return Tasks.oneTime(RETRY, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(retryAfter))
                .execute((instance, context) -> retry(read(instance.getData())));
    }

    /**
     * Applies for the refund. FREQUENCY_LIMITED schedules it for later (and answers normally); other failures that
     * a retry may cure are thrown for the caller to retry.
     */
    void apply(Application application) {
        try {
            submit(application);
        } catch (WeChatPayException e) {
            if (!"FREQUENCY_LIMITED".equals(e.code())) {
                throw e;
            }
            Instant at = Instant.now().plus(retryAfter);
            log.info("WeChat Pay took another refund of {} within the minute: refund {} is applied for again at {}",
                    application.outTradeNo(), application.outRefundNo(), at);
            scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(RETRY, application.outRefundNo(),
                    write(application)), at);
        }
    }

    /** The task's run: any failure (still limited, WeChat Pay unreachable) makes db-scheduler run it again later. */
    void retry(Application application) {
        submit(application);
    }

    private void submit(Application application) {
        WeChatPay.Refund refund;
        try {
            refund = weChatPay.refund(application.outTradeNo(), application.outRefundNo(), application.amountFen(),
                    application.totalFen(), application.reason());
        } catch (WeChatPayException e) {
            if (REFUSED_FOR_GOOD.contains(e.code())) {
                log.warn("WeChat Pay refused refund {} of {}: {} {}", application.outRefundNo(), application.outTradeNo(),
                        e.code(), e.getMessage());
                commands.sendAndWait(new FailWeChatRefund(application.outTradeNo(), application.outRefundNo(),
                        RefundFailure.REFUSED_BY_WECHAT, e.code()));
                return;
            }
            throw e; // busy, unreachable or limited: retried by the caller
        }
        log.info("WeChat refund {} of {} ({} fen): {}", application.outRefundNo(), application.outTradeNo(),
                application.amountFen(), refund.status());
        weChatOrders.settleRefund(application.outTradeNo(), application.outRefundNo(), refund.status(), refund.refundId(),
                refund.receivedBy());
    }

    private static String write(Application application) {
        try {
            return JSON.writeValueAsString(application);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Application read(String data) {
        try {
            return JSON.readValue(data, Application.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a refund application: " + data, e);
        }
    }
}
