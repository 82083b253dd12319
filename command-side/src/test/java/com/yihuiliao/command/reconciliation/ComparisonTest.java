package com.yihuiliao.command.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.command.payment.wechatpay.TradeBill;
import com.yihuiliao.command.reconciliation.Comparison.Difference;
import com.yihuiliao.command.reconciliation.Comparison.Kind;
import com.yihuiliao.command.reconciliation.Comparison.Ours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    static final LocalDateTime AT = DAY.atTime(9, 0);

    static TradeBill.Entry paid(String no, long fen) {
        return new TradeBill.Entry(TradeBill.Kind.PAYMENT, AT, no, "4200" + no, null, null, fen, 0);
    }

    static TradeBill.Entry refunded(String no, String refundNo, long fen, String status) {
        return new TradeBill.Entry(TradeBill.Kind.REFUND, AT, no, "4200" + no, refundNo, status, 5_000, fen);
    }

    static Ours ourPayment(String no, long fen, String status) {
        return new Ours(TradeBill.Kind.PAYMENT, no, no, fen, status);
    }

    static Ours ourRefund(String no, String refundNo, long fen, String status) {
        return new Ours(TradeBill.Kind.REFUND, refundNo, no, fen, status);
    }

    static List<Difference> compare(List<TradeBill.Entry> bill, List<Ours> ours) {
        return Comparison.compare(new TradeBill(DAY, bill), ours, key -> Optional.empty());
    }

    @Test
    void whatAgreesIsNoDifference() {
        assertThat(compare(List.of(paid("P1", 2_500), refunded("P1", "R1", 1_000, "SUCCESS"),
                        refunded("P1", "R2", 500, "PROCESSING"), refunded("P1", "R3", 500, "REFUNDCLOSE")),
                List.of(ourPayment("P1", 2_500, "PAID"), ourRefund("P1", "R1", 1_000, "SUCCEEDED"),
                        ourRefund("P1", "R2", 500, "SUCCEEDED"), ourRefund("P1", "R3", 500, "FAILED")))).isEmpty();
        assertThat(compare(List.of(), List.of())).isEmpty();
    }

    @Test
    void everyDifferenceIsOfExactlyOneKind() {
        List<Difference> found = compare(
                List.of(paid("ONLY-WECHAT", 100), paid("P-AMOUNT", 2_500), paid("P-CLOSED", 2_500),
                        refunded("P1", "R-NOT-SETTLED", 1_000, "SUCCESS"), refunded("P1", "R-CLOSED", 1_000, "REFUNDCLOSE")),
                List.of(ourPayment("ONLY-OURS", 300, "PAID"), ourPayment("P-AMOUNT", 2_400, "PAID"),
                        ourPayment("P-CLOSED", 2_500, "CLOSED"), ourRefund("P1", "R-NOT-SETTLED", 1_000, "REQUESTED"),
                        ourRefund("P1", "R-CLOSED", 999, "SUCCEEDED")));

        assertThat(found).extracting(Difference::number, Difference::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ONLY-WECHAT", Kind.MISSING_OURS),
                org.assertj.core.groups.Tuple.tuple("ONLY-OURS", Kind.MISSING_WECHAT),
                org.assertj.core.groups.Tuple.tuple("P-AMOUNT", Kind.AMOUNT_DIFFERS),
                org.assertj.core.groups.Tuple.tuple("P-CLOSED", Kind.STATUS_DIFFERS),
                org.assertj.core.groups.Tuple.tuple("R-NOT-SETTLED", Kind.STATUS_DIFFERS),
                // status before amount: one kind for one difference
                org.assertj.core.groups.Tuple.tuple("R-CLOSED", Kind.STATUS_DIFFERS));
        Difference amount = found.stream().filter(d -> d.number().equals("P-AMOUNT")).findFirst().orElseThrow();
        assertThat(amount.weChatFen()).isEqualTo(2_500);
        assertThat(amount.ourFen()).isEqualTo(2_400);
        Difference missing = found.stream().filter(d -> d.number().equals("ONLY-WECHAT")).findFirst().orElseThrow();
        assertThat(missing.ourFen()).isNull();
        assertThat(missing.ourStatus()).isNull();
    }

    @Test
    void aPaymentWeRecordedOnTheNeighbouringDay_isFoundByItsNumber() {
        Map<Comparison.Key, Ours> yesterday = Map.of(new Comparison.Key(TradeBill.Kind.PAYMENT, "P-MIDNIGHT"),
                ourPayment("P-MIDNIGHT", 2_500, "PAID"));
        List<Difference> found = Comparison.compare(new TradeBill(DAY, List.of(paid("P-MIDNIGHT", 2_500))), List.of(),
                key -> Optional.ofNullable(yesterday.get(key)));
        assertThat(found).isEmpty();
    }

    @Test
    void aPaymentAndARefundOfOneNumberAreTwoEntries() {
        // a refund whose number happens to be an order number is still a refund
        assertThat(compare(List.of(paid("X1", 100)), List.of(ourRefund("X0", "X1", 100, "SUCCEEDED"))))
                .extracting(Difference::kind).containsExactlyInAnyOrder(Kind.MISSING_OURS, Kind.MISSING_WECHAT);
    }
}
