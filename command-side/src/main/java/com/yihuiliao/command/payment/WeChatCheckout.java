package com.yihuiliao.command.payment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mini-program's side of a WeChat order, for every purpose: places the JSAPI order for the
 * user's openid and answers what {@code wx.requestPayment} needs. Called after the order's
 * {@code Payment} was created (in its own unit of work), never inside one.
 */
@Component
public class WeChatCheckout {

    private static final Logger log = LoggerFactory.getLogger(WeChatCheckout.class);

    private final WeChatPay weChatPay;
    private final JdbcTemplate jdbc;

    WeChatCheckout(WeChatPay weChatPay, JdbcTemplate jdbc) {
        this.weChatPay = weChatPay;
        this.jdbc = jdbc;
    }

    /** What the mini-program passes to wx.requestPayment, and our order number. */
    // named here too: springdoc meets it unwrapped (TopUpCheckout) before it reads its Javadoc
    @io.swagger.v3.oas.annotations.media.Schema(description = "What the mini-program passes to wx.requestPayment, "
            + "and our order number.")
    public record PayWithWeChatResult(String outTradeNo, long amountFen, String appId, String timeStamp,
                                      String nonceStr, @JsonProperty("package") String packageValue, String signType,
                                      String paySign) {
    }

    /**
     * @param accountId the paying user's account (its WeChat openid is the payer)
     * @param expiresAt when WeChat Pay should stop taking the payment (time_expire); null for its default
     */
    public PayWithWeChatResult checkout(String accountId, String outTradeNo, String description, long amountFen,
                                        Instant expiresAt) {
        List<String> openids = jdbc.queryForList("SELECT openid FROM user_account WHERE id = ?", String.class,
                accountId);
        if (openids.isEmpty() || openids.get(0) == null) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        WeChatPay.RequestPayment params;
        try {
            params = weChatPay.prepay(outTradeNo, description, Math.toIntExact(amountFen), openids.get(0),
                    expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, Clocks.HOSPITAL_ZONE));
        } catch (WeChatPayException e) {
            log.warn("Prepay of {} failed: {}", outTradeNo, e.getMessage());
            if ("ORDERPAID".equals(e.code()) || "ORDER_CLOSED".equals(e.code())) {
                throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE);
            }
            throw new BusinessRuleViolation(ErrorCode.WECHATPAY_UNAVAILABLE);
        }
        return new PayWithWeChatResult(outTradeNo, amountFen, params.appId(), params.timeStamp(), params.nonceStr(),
                params.packageValue(), params.signType(), params.paySign());
    }
}
