package com.yihuiliao.command.payment.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TradeBillParserTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
            + "货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
            + "手续费,费率,订单金额,申请退款金额,费率备注";
    static final String PAYMENT = "`2026-11-30 09:15:02,`wx1,`1900000109,`0,`,`4200000001,`RGW0001,`o1,`JSAPI,`SUCCESS,"
            + "`OTHERS,`CNY,`25.50,`0.00,`0,`0,`0.00,`0.00,`,`,`心内科, 普通号,`,`0.15,`0.60%,`25.50,`0.00,`";
    static final String REFUND = "`2026-11-30 10:00:00,`wx1,`1900000109,`0,`,`4200000001,`RGW0001,`o1,`JSAPI,`REFUND,"
            + "`OTHERS,`CNY,`0.00,`0.00,`5030001,`RC0001,`10.00,`0.00,`ORIGINAL,`SUCCESS,`心内科,`,`-0.06,`0.60%,`25.50,`10.00,`";
    static final String SUMMARY = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
            + "`2,`25.50,`10.00,`0.00,`0.09,`51.00,`10.00\r\n";

    @Test
    void yuanBecomeFenExactly() {
        assertThat(TradeBillParser.fen("0.01")).isEqualTo(1);
        assertThat(TradeBillParser.fen("0.29")).isEqualTo(29); // 0.29 * 100 is 28.999… as a double
        assertThat(TradeBillParser.fen("1.1")).isEqualTo(110);
        assertThat(TradeBillParser.fen("30")).isEqualTo(3_000);
        assertThat(TradeBillParser.fen("-0.18")).isEqualTo(-18);
        assertThat(TradeBillParser.fen("99999999999.99")).isEqualTo(9_999_999_999_999L);
        for (String bad : new String[] {"0.001", "1e3", "", "￥1.00", "1,000.00", " 1.00", "NaN"}) {
            assertThatThrownBy(() -> TradeBillParser.fen(bad)).as(bad).isInstanceOf(TradeBillParser.MalformedBill.class);
        }
    }

    @Test
    void readsPaymentsAndRefundsByColumnName_withoutTheBackticks() {
        TradeBill bill = TradeBillParser.parse(DAY, HEADER + "\r\n" + PAYMENT + "\r\n" + REFUND + "\r\n" + SUMMARY);

        assertThat(bill.entries()).hasSize(2);
        TradeBill.Entry payment = bill.entries().get(0);
        assertThat(payment).isEqualTo(new TradeBill.Entry(TradeBill.Kind.PAYMENT, LocalDateTime.of(2026, 11, 30, 9, 15, 2),
                "RGW0001", "4200000001", null, null, 2_550, 0));
        TradeBill.Entry refund = bill.entries().get(1);
        assertThat(refund.number()).isEqualTo("RC0001");
        assertThat(refund.amountFen()).isEqualTo(1_000);
        assertThat(refund.refundStatus()).isEqualTo("SUCCESS");
        assertThat(refund.outTradeNo()).isEqualTo("RGW0001");
    }

    @Test
    void aBillWhoseSummaryDoesNotAddUp_orThatIsCutShort_isRefused() {
        assertThatThrownBy(() -> TradeBillParser.parse(DAY, HEADER + "\n" + PAYMENT + "\n" + SUMMARY))
                .isInstanceOf(TradeBillParser.MalformedBill.class).hasMessageContaining("does not add up");
        assertThatThrownBy(() -> TradeBillParser.parse(DAY, HEADER + "\n" + PAYMENT + "\n" + REFUND + "\n"))
                .isInstanceOf(TradeBillParser.MalformedBill.class).hasMessageContaining("no summary");
        assertThatThrownBy(() -> TradeBillParser.parse(DAY, "交易时间,商户订单号\n" + SUMMARY))
                .isInstanceOf(TradeBillParser.MalformedBill.class).hasMessageContaining("no column");
        assertThatThrownBy(() -> TradeBillParser.parse(DAY, HEADER + "\n" + PAYMENT.replace("`25.50,`0.00,`0,", "`25.5x,`0.00,`0,")
                + "\n" + SUMMARY)).isInstanceOf(TradeBillParser.MalformedBill.class);
    }

    @Test
    void anEmptyFileIsADayWithoutTrade() {
        assertThat(TradeBillParser.parse(DAY, "").entries()).isEmpty();
    }
}
