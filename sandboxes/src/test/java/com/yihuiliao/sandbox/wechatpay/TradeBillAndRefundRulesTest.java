package com.yihuiliao.sandbox.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yihuiliao.command.payment.wechatpay.TradeBill;
import com.yihuiliao.command.payment.wechatpay.TradeBillParser;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayClient;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's trade bill and refund rules, through the real SDK (bill download with its SHA1 check, gzipped)
 * over HTTP. The sandbox runs on a clock the test moves, so a minute between refunds takes no minute.
 */
class TradeBillAndRefundRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String OPENID = "o-bill-openid-0001";

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final SandboxKeys keys = SandboxKeys.generate("1900000109");
    private final MovableClock clock = new MovableClock();
    private volatile WeChatPaySandbox sandbox = new WeChatPaySandbox(keys, clock, Duration.ofMinutes(1));
    private volatile boolean corruptDownloads;
    private MockWebServer api;
    private WeChatPayClient client;
    private int counter;

    @BeforeEach
    void start() throws IOException {
        api = new MockWebServer();
        api.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath().substring(WeChatPaySandboxController.MOUNT.length());
                WeChatPaySandbox.Reply reply = sandbox.handle(request.getMethod(), path, request::getHeader,
                        request.getBody().readUtf8());
                byte[] body = reply.body();
                if (corruptDownloads && path.startsWith("/v3/billdownload/")) {
                    body = TradeBillAndRefundRulesTest.gunzipAlterGzip(body);
                }
                MockResponse response = new MockResponse().setResponseCode(reply.status());
                reply.headers().forEach(response::setHeader);
                return body.length == 0 ? response : response.setBody(new Buffer().write(body));
            }
        });
        api.start(InetAddress.getLoopbackAddress(), 0);
        client = new WeChatPayClient(WeChatPayClient.Credentials.of(keys.endpointKeys(), "wx-bill-app",
                "http://127.0.0.1:" + api.getPort() + WeChatPaySandboxController.MOUNT,
                "http://127.0.0.1:9/notify", "http://127.0.0.1:9/notify"));
    }

    @AfterEach
    void stop() throws IOException {
        api.shutdown();
    }

    private String paid(int fen) {
        String tradeNo = "BILL" + System.nanoTime() + (++counter);
        client.prepay(tradeNo, "心内科 普通号", fen, OPENID, null);
        sandbox.simulatePay(tradeNo, false);
        return tradeNo;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI);
    }

    @Test
    void theBillListsTheDaysPaymentsAndRefundsInWeChatPaysFormat_andTheSdkVerifiesItsSha1() {
        String first = paid(2_550);
        String second = paid(1);
        client.refund(first, "R" + first, 1_000, 2_550, "部分退费");
        sandbox.simulateRefund("R" + first);

        String csv = sandbox.tradeBillCsv(today(), "ALL");
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(WeChatPaySandbox.BILL_HEADER);
        assertThat(lines).hasSize(6); // header, 3 rows, summary header, summary
        assertThat(lines[1]).startsWith("`").contains(",`" + first + ",").contains(",`SUCCESS,").contains(",`25.50,");
        assertThat(lines[3]).contains(",`REFUND,").contains(",`R" + first + ",").contains(",`10.00,").contains(",`SUCCESS,");
        assertThat(lines[4]).isEqualTo(WeChatPaySandbox.BILL_SUMMARY_HEADER);
        assertThat(lines[5]).startsWith("`3,`25.51,`10.00,");

        TradeBill bill = client.tradeBill(today()); // GZIP, unzipped and hashed by the SDK
        assertThat(bill.entries()).extracting(TradeBill.Entry::kind, TradeBill.Entry::number, TradeBill.Entry::amountFen)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TradeBill.Kind.PAYMENT, first, 2_550L),
                        org.assertj.core.groups.Tuple.tuple(TradeBill.Kind.PAYMENT, second, 1L),
                        org.assertj.core.groups.Tuple.tuple(TradeBill.Kind.REFUND, "R" + first, 1_000L));
        assertThat(bill.entries().get(2).refundStatus()).isEqualTo("SUCCESS");
        assertThat(TradeBillParser.parse(today(), csv)).isEqualTo(bill);
    }

    @Test
    void aDownloadWhoseBytesDoNotMatchTheHashIsRefused() {
        paid(100);
        corruptDownloads = true;

        assertThatThrownBy(() -> client.tradeBill(today()))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> assertThat(e.code()).isEqualTo("BILL_HASH_MISMATCH"));
    }

    @Test
    void aDayWithoutTradeIsAnEmptyBill_andAFutureDayIsRefused() {
        assertThat(client.tradeBill(today().minusDays(1)).entries()).isEmpty();
        assertThatThrownBy(() -> client.tradeBill(today().plusDays(1)))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));
    }

    @Test
    void twoRefundRequestsOnOneOrderWithinAMinute_areFrequencyLimited_andTheSameNumberLaterGoesThrough() {
        String tradeNo = paid(5_000);
        client.refund(tradeNo, "R1" + tradeNo, 1_000, 5_000, "一");

        assertThatThrownBy(() -> client.refund(tradeNo, "R2" + tradeNo, 1_000, 5_000, "二"))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> {
                    assertThat(e.code()).isEqualTo("FREQUENCY_LIMITED");
                    assertThat(e.httpStatus()).isEqualTo(429);
                });
        // a repeat of the accepted one is no new request: answered as before
        assertThat(client.refund(tradeNo, "R1" + tradeNo, 1_000, 5_000, "一").status())
                .isEqualTo(WeChatPay.RefundStatus.PROCESSING);

        clock.advance(Duration.ofSeconds(61));
        assertThat(client.refund(tradeNo, "R2" + tradeNo, 1_000, 5_000, "二").refundFen()).isEqualTo(1_000);
    }

    @Test
    void noRefundLaterThan365DaysAfterPayment_norAboveTheOrder() {
        String old = paid(5_000);
        sandbox.backdatePayment(old, clock.instant().minus(Duration.ofDays(366)));
        assertThatThrownBy(() -> client.refund(old, "R" + old, 100, 5_000, "过期"))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_REQUEST");
                    assertThat(e.getMessage()).contains("365");
                });

        String recent = paid(5_000);
        sandbox.backdatePayment(recent, clock.instant().minus(Duration.ofDays(364)));
        client.refund(recent, "R1" + recent, 4_000, 5_000, "部分");
        clock.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> client.refund(recent, "R2" + recent, 1_001, 5_000, "超额"))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));
    }

    @Test
    void atMostFiftyPartialRefundsPerOrder() {
        sandbox = new WeChatPaySandbox(keys, clock, Duration.ZERO);
        String tradeNo = paid(100);
        for (int i = 1; i <= 50; i++) {
            client.refund(tradeNo, "R" + i + "-" + tradeNo.substring(4), 1, 100, "第" + i + "次");
        }

        assertThatThrownBy(() -> client.refund(tradeNo, "R51-" + tradeNo.substring(4), 1, 100, "第51次"))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_REQUEST");
                    assertThat(e.getMessage()).contains("50");
                });
    }

    /** The gzipped bill with one byte of its content changed, gzipped again: it unzips, but hashes otherwise. */
    static byte[] gunzipAlterGzip(byte[] gzipped) {
        try {
            byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped)).readAllBytes();
            String text = new String(plain, java.nio.charset.StandardCharsets.UTF_8).replace("`1.00,", "`2.00,");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
                zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
