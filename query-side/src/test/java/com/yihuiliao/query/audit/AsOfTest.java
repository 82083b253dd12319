package com.yihuiliao.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.audit.BillStateAsOf;
import com.yihuiliao.api.bill.BillIssued;
import com.yihuiliao.api.bill.BillItemRefunded;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.CloseReason;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class AsOfTest {

    static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");
    final AtomicLong sequence = new AtomicLong();

    DomainEventMessage<?> at(int minute, Object payload) {
        return new GenericDomainEventMessage<>("Bill", "b1", sequence.getAndIncrement(), payload, MetaData.emptyInstance(),
                "id-" + sequence.get(), T0.plusSeconds(60L * minute));
    }

    @Test
    void aBillAsOfEachInstantFoldsOnlyTheEventsStoredByThen() {
        List<DomainEventMessage<?>> history = List.of(
                at(0, new BillIssued("b1", "X1", "p1", List.of(), 5_000, "d1", "doc1", "staff-1")),
                at(10, new BillPaid("b1", "p1", "BL1", PaymentChannel.BALANCE, 5_000)),
                at(20, new BillItemRefunded("b1", 1, 1_000, 1, "R1", "BL1", "typed", "staff-1", 1_000, 1, 1_000)),
                at(30, new BillItemRefunded("b1", 1, 4_000, 4, "R2", "BL1", "typed", "staff-1", 5_000, 5, 5_000)));

        assertThat(AsOf.bill("b1", history, T0.minusSeconds(1)).status()).isEqualTo("NONE");
        assertThat(AsOf.bill("b1", history, T0.plusSeconds(60 * 5)))
                .isEqualTo(new BillStateAsOf("b1", T0.plusSeconds(60 * 5), "ISSUED", 5_000, 0, 0));
        assertThat(AsOf.bill("b1", history, T0.plusSeconds(60 * 10)).status()).isEqualTo("PAID");
        BillStateAsOf partly = AsOf.bill("b1", history, T0.plusSeconds(60 * 25));
        assertThat(partly.status()).isEqualTo("PARTLY_REFUNDED");
        assertThat(partly.refundedFen()).isEqualTo(1_000);
        assertThat(AsOf.bill("b1", history, T0.plusSeconds(60 * 30)).status()).isEqualTo("REFUNDED");
    }

    @Test
    void aPaymentClosedUnpaidShowsNothingPaid() {
        List<DomainEventMessage<?>> history = List.of(
                at(0, new PaymentCreated("WX1", PaymentPurpose.REGISTRATION, "a1", "p1", 3_000, PaymentChannel.WECHAT)),
                at(15, new PaymentClosed("WX1", CloseReason.HOLD_EXPIRED, null)));

        assertThat(AsOf.payment("WX1", history, T0.plusSeconds(60)).status()).isEqualTo("CREATED");
        assertThat(AsOf.payment("WX1", history, T0.plusSeconds(60 * 15)))
                .extracting("status", "paidFen", "refundedFen").containsExactly("CLOSED", 0L, 0L);
    }

    @Test
    void keyFieldsLeaveOutFreeTextAndListsAndShowTimesInShanghai() {
        var fields = EventFields.of(new BillItemRefunded("b1", 1, 1_000, 1, "R1", "BL1", "a typed reason", "staff-1",
                1_000, 1, 1_000));
        assertThat(fields).containsEntry("amountFen", 1_000L).containsEntry("outRefundNo", "R1")
                .doesNotContainKeys("reason", "operator");
        assertThat(EventFields.of(new BillIssued("b1", "X1", "p1", List.of(), 5_000, "d1", "doc1", "s")))
                .doesNotContainKeys("items", "issuedBy");
    }
}
