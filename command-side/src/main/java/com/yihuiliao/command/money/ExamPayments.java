package com.yihuiliao.command.money;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.exam.CancelExamBooking;
import com.yihuiliao.api.exam.CancelExamBookingByHospital;
import com.yihuiliao.api.exam.ExamCancellation;
import com.yihuiliao.api.exam.PayExamWithBalance;
import com.yihuiliao.api.exam.StartWeChatExamPayment;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.WeChatOrder;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.command.exam.CancelExam;
import com.yihuiliao.command.exam.ExamBooking;
import com.yihuiliao.command.exam.ExamFee;
import com.yihuiliao.command.exam.ExamPaymentTaken;
import com.yihuiliao.command.exam.QuoteExamFee;
import com.yihuiliao.command.exam.TakeExamPayment;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.payment.Payment;
import com.yihuiliao.command.payment.PaymentOrder;
import com.yihuiliao.command.payment.PaymentOrders;
import com.yihuiliao.command.payment.RecordPaymentSucceeded;
import com.yihuiliao.command.payment.RefundReservation;
import com.yihuiliao.command.payment.ReserveWhatRemains;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Exam bookings' money (体检费), each in one unit of work: the booking taken first, then payment → refund →
 * account ({@link MoneySteps}), as for registration fees. Paying from the balance pays the booking or writes
 * nothing; a WeChat payment is recorded with the booking's answer (paid, or refunded as late); a cancellation
 * ends the booking and refunds what its payment has left, under a number that follows from the order.
 */
@Component
class ExamPayments {

    private static final Logger log = LoggerFactory.getLogger(ExamPayments.class);
    /** A booking's WeChat orders: one open at a time, the next only after the last was closed unpaid. */
    static final int MAX_WECHAT_ORDERS = 20;

    private final MoneySteps steps;
    private final Repository<ExamBooking> bookings;
    private final PaymentOrders orders;

    ExamPayments(MoneySteps steps, @Qualifier("examBookingRepository") Repository<ExamBooking> bookings,
                 PaymentOrders orders) {
        this.steps = steps;
        this.bookings = bookings;
        this.orders = orders;
    }

    /** "EXW" + 27 characters derived from the booking (its n-th order), so a retry finds the same order. */
    static String weChatOrderNo(String bookingId, int n) {
        return PaymentIds.derived(PaymentPurpose.EXAM.prefix() + "W", n == 1 ? bookingId : bookingId + "#" + n, 27);
    }

    // --- paying -----------------------------------------------------------------------------------

    @CommandHandler
    public BalancePaymentResult handle(PayExamWithBalance cmd) throws Exception {
        Aggregate<ExamBooking> booking = booking(cmd.bookingId());
        ExamFee fee = quote(booking, cmd.bookingId(), cmd.patientId());
        if (fee instanceof ExamFee.PaidBy paid) {
            PaymentOrder order = orders.find(paid.outTradeNo()).orElse(null);
            if (order == null || order.channel() != PaymentChannel.BALANCE) {
                throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_PAYABLE,
                        "The exam booking is already paid with WeChat Pay.");
            }
            // a retried request: already paid from the balance, answered as the first time
            return steps.repeatedBalancePayment(paid.outTradeNo(), cmd.bookingId(), paid.priceFen());
        }
        long priceFen = payable(fee).priceFen();
        String outTradeNo = PaymentIds.next(PaymentPurpose.EXAM.prefix());
        BalancePaymentResult result = steps.payFromBalance(outTradeNo, PaymentPurpose.EXAM, cmd.bookingId(),
                cmd.patientId(), priceFen);
        ExamPaymentTaken taken = (ExamPaymentTaken) booking.handle(asCommandMessage(
                new TakeExamPayment(cmd.bookingId(), outTradeNo, PaymentChannel.BALANCE, priceFen)));
        if (!(taken instanceof ExamPaymentTaken.Paid)) {
            throw new IllegalStateException("Exam booking " + cmd.bookingId() + " refused the payment it quoted");
        }
        return result;
    }

    /** The booking's open WeChat order, created or found again; WeChat Pay is called after this, by the controller. */
    @CommandHandler
    public WeChatOrder handle(StartWeChatExamPayment cmd) throws Exception {
        ExamFee fee = quote(booking(cmd.bookingId()), cmd.bookingId(), cmd.patientId());
        if (fee instanceof ExamFee.PaidBy) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_PAYABLE, "The exam booking is already paid.");
        }
        ExamFee.Payable payable = payable(fee);
        for (int n = 1; n <= MAX_WECHAT_ORDERS; n++) {
            String outTradeNo = weChatOrderNo(cmd.bookingId(), n);
            // an order closed unpaid cannot be reopened at WeChat Pay: the next number takes its place
            if (orders.find(outTradeNo).map(PaymentOrder::status).orElse(null) != PaymentStatus.CLOSED) {
                steps.openWeChatOrder(outTradeNo, PaymentPurpose.EXAM, cmd.bookingId(), cmd.patientId(),
                        payable.priceFen());
                return new WeChatOrder(outTradeNo, cmd.bookingId(), cmd.patientId(), payable.priceFen(),
                        payable.payBy());
            }
        }
        throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                "This exam booking has had too many WeChat orders; please pay from the balance.");
    }

    /**
     * A WeChat payment of an exam booking ({@link WeChatPayments} routes it here): the booking first, then the
     * payment; a booking that no longer takes it gets it back in full as "RL" + the order. Answers PAID or LATE_REFUND.
     */
    String recordWeChatPayment(PaymentOrder order, RecordWeChatPayment cmd) throws Exception {
        Aggregate<ExamBooking> booking = booking(order.referenceId());
        Aggregate<Payment> payment = steps.payment(cmd.outTradeNo());
        payment.handle(asCommandMessage(new RecordPaymentSucceeded(cmd.outTradeNo(), cmd.transactionId(),
                cmd.amountFen())));
        ExamPaymentTaken taken = booking == null ? new ExamPaymentTaken.Late(RefundReason.LATE_AFTER_CANCELLATION)
                : (ExamPaymentTaken) booking.handle(asCommandMessage(new TakeExamPayment(order.referenceId(),
                        cmd.outTradeNo(), PaymentChannel.WECHAT, order.amountFen())));
        if (!(taken instanceof ExamPaymentTaken.Late late)) {
            return "PAID";
        }
        String outRefundNo = PaymentIds.lateRefundNo(cmd.outTradeNo());
        if (!steps.exists(outRefundNo)) {
            log.warn("Order {} was paid ({}) but exam booking {} no longer takes it ({}): refunding it as {}",
                    cmd.outTradeNo(), cmd.transactionId(), order.referenceId(), late.reason(), outRefundNo);
            steps.refundToOriginalChannel(payment, cmd.outTradeNo(), outRefundNo, order.amountFen(), late.reason(),
                    null, "system");
        }
        return "LATE_REFUND";
    }

    // --- cancelling -------------------------------------------------------------------------------

    @CommandHandler
    public ExamCancellation handle(CancelExamBooking cmd) throws Exception {
        return cancel(new CancelExam(cmd.bookingId(), cmd.patientId(), false, cmd.reason()), "system");
    }

    @CommandHandler
    public ExamCancellation handle(CancelExamBookingByHospital cmd) throws Exception {
        return cancel(new CancelExam(cmd.bookingId(), null, true, cmd.reason()), cmd.operator());
    }

    /**
     * Booking → payment → refund → account: the booking ends (or refuses), and what its payment has left goes
     * back the way it came under "RC" + the order, so a repeated or concurrent cancellation refunds once.
     */
    private ExamCancellation cancel(CancelExam cancel, String operator) throws Exception {
        Aggregate<ExamBooking> booking = booking(cancel.bookingId());
        if (booking == null) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_FOUND);
        }
        String outTradeNo = (String) booking.handle(asCommandMessage(cancel));
        if (outTradeNo == null) {
            return new ExamCancellation(cancel.bookingId(), "CANCELLED", null);
        }
        Aggregate<Payment> payment = steps.payment(outTradeNo);
        if (payment == null || !orders.find(outTradeNo).map(o -> cancel.bookingId().equals(o.referenceId()))
                .orElse(false)) {
            throw new IllegalStateException("Exam booking " + cancel.bookingId() + " names " + outTradeNo
                    + ", which is no payment of it");
        }
        String outRefundNo = RefundFlows.cancellationRefundNo(outTradeNo);
        RefundResult earlier = steps.describeRefund(outRefundNo);
        if (earlier != null) {
            return new ExamCancellation(cancel.bookingId(), "CANCELLED", earlier);
        }
        RefundReservation reserved = (RefundReservation) payment.handle(asCommandMessage(
                new ReserveWhatRemains(outTradeNo, outRefundNo)));
        if (reserved.amountFen() == 0) {
            return new ExamCancellation(cancel.bookingId(), "CANCELLED", null);
        }
        return new ExamCancellation(cancel.bookingId(), "CANCELLED", steps.refundReserved(payment, reserved,
                outTradeNo, outRefundNo, RefundReason.EXAM_CANCELLED, cancel.reason(), operator));
    }

    // --- the booking ------------------------------------------------------------------------------

    private Aggregate<ExamBooking> booking(String bookingId) {
        return bookingId != null && steps.exists(bookingId) ? bookings.load(bookingId) : null;
    }

    private static ExamFee quote(Aggregate<ExamBooking> booking, String bookingId, String patientId) throws Exception {
        if (booking == null) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_FOUND);
        }
        return (ExamFee) booking.handle(asCommandMessage(new QuoteExamFee(bookingId, patientId)));
    }

    private static ExamFee.Payable payable(ExamFee fee) {
        if (fee instanceof ExamFee.Payable payable) {
            return payable;
        }
        throw new BusinessRuleViolation(ErrorCode.EXAM_BOOKING_NOT_PAYABLE);
    }
}
