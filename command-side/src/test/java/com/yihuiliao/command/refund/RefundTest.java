package com.yihuiliao.command.refund;

import static com.yihuiliao.command.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RecordRefundFailed;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.api.refund.RefundSucceeded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundTest {

    static final String REFUND = "RF261124AAAA";
    static final String PAYMENT = "RG261124AAAA";

    private FixtureConfiguration<Refund> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Refund.class);
    }

    static RefundRequested requested() {
        return new RefundRequested(REFUND, PAYMENT, 300, RefundReason.STAFF_REFUND, "patient complaint", "staff-1", PaymentChannel.BALANCE);
    }

    /** A staff refund request of the payment, as the refusals below vary it. */
    static RequestRefund request(String outRefundNo, long amountFen, PaymentChannel channel) {
        return new RequestRefund(outRefundNo, PAYMENT, amountFen, RefundReason.STAFF_REFUND, "x", "staff-1", channel);
    }

    static RefundSucceeded succeeded() {
        return new RefundSucceeded(REFUND, PAYMENT, 300, null, "503", "支付用户零钱", null);
    }

    static RefundFailed refusedByWeChat() {
        return new RefundFailed(REFUND, PAYMENT, 300, RefundFailure.REFUSED_BY_WECHAT, "USER_ACCOUNT_ABNORMAL");
    }

    /** WeChat Pay says the refund is done. */
    static RecordRefundSucceeded weChatSucceeded() {
        return new RecordRefundSucceeded(REFUND, null, "503", "支付用户零钱");
    }

    @Test
    void request_opensTheRefund() {
        fixture.givenNoPriorActivity()
                .when(new RequestRefund(REFUND, PAYMENT, 300, RefundReason.STAFF_REFUND, "patient complaint", "staff-1", PaymentChannel.BALANCE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested())
                .expectState(refund -> assertThat(refund.status()).isEqualTo(RefundStatus.REQUESTED));
    }

    @Test
    void request_aZeroAmountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(request(REFUND, 0, PaymentChannel.BALANCE))
                .expectException(violation(ErrorCode.INVALID_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void request_aMalformedRefundNumberIsRefused() {
        fixture.givenNoPriorActivity()
                .when(request("RF 1", 100, PaymentChannel.BALANCE))
                .expectException(violation(ErrorCode.INVALID_PAYMENT_ID))
                .expectNoEvents();
    }

    @Test
    void request_aRefundNumberLongerThan32IsRefused() {
        fixture.givenNoPriorActivity()
                .when(request("R".repeat(33), 100, PaymentChannel.BALANCE))
                .expectException(violation(ErrorCode.INVALID_PAYMENT_ID))
                .expectNoEvents();
    }

    @Test
    void request_withoutAChannelIsRefused() {
        fixture.givenNoPriorActivity()
                .when(request(REFUND, 100, null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void succeeded_once() {
        fixture.given(requested())
                .when(weChatSucceeded())
                .expectEvents(new RefundSucceeded(REFUND, PAYMENT, 300, null, "503", "支付用户零钱", null))
                .expectState(refund -> assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED));
    }

    @Test
    void succeeded_aRepeatIsANoOp() {
        fixture.given(requested(), succeeded())
                .when(weChatSucceeded())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void succeeded_refusedOnceFailed() {
        fixture.given(requested(), refusedByWeChat())
                .when(weChatSucceeded())
                .expectException(violation(ErrorCode.REFUND_ALREADY_FINAL))
                .expectNoEvents();
    }

    @Test
    void failed_once() {
        fixture.given(requested())
                .when(new RecordRefundFailed(REFUND, RefundFailure.REFUSED_BY_WECHAT, "USER_ACCOUNT_ABNORMAL"))
                .expectEvents(new RefundFailed(REFUND, PAYMENT, 300, RefundFailure.REFUSED_BY_WECHAT, "USER_ACCOUNT_ABNORMAL"))
                .expectState(refund -> assertThat(refund.status()).isEqualTo(RefundStatus.FAILED));
    }

    @Test
    void failed_aRepeatIsANoOp() {
        fixture.given(requested(), refusedByWeChat())
                .when(new RecordRefundFailed(REFUND, RefundFailure.REFUSED_BY_WECHAT, "USER_ACCOUNT_ABNORMAL"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void failed_refusedOnceSucceeded() {
        fixture.given(requested(), succeeded())
                .when(new RecordRefundFailed(REFUND, RefundFailure.CLOSED_BY_WECHAT, null))
                .expectException(violation(ErrorCode.REFUND_ALREADY_FINAL))
                .expectNoEvents();
    }
}
