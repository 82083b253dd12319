package com.yihuiliao.sandbox.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.wechat.pay.java.core.exception.ValidationException;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayClient;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import com.yihuiliao.command.payment.wechatpay.WeChatPayNotificationRejected;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * The WeChat Pay port end to end over real HTTP: the SDK-based client against the sandbox behind the
 * JDK's HTTP server, with keys generated here. No Spring context.
 */
class WeChatPayClientTest {

    private static final String APP_ID = "wx-test-app";
    private static final String OPENID = "o-test-openid-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Received(Map<String, String> headers, byte[] body) {
    }

    private static SandboxKeys keys;
    private static WeChatPaySandbox sandbox;
    private static HttpServer server;
    private static MockWebServer api;
    private static String apiBase;
    private static volatile boolean tamperResponseSignatures;
    private static volatile byte[] lastAnswer = new byte[0];
    private static final BlockingQueue<Received> notifications = new LinkedBlockingQueue<>();
    private static WeChatPayClient client;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        keys = SandboxKeys.generate("1900000109");
        sandbox = new WeChatPaySandbox(keys);
        api = new MockWebServer();
        api.setDispatcher(new SandboxDispatcher());
        api.start(InetAddress.getLoopbackAddress(), 0);
        apiBase = "http://127.0.0.1:" + api.getPort() + WeChatPaySandboxController.MOUNT;
        // notifications go to the JDK's server, which alters header names' case: parsing must not care
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/notify", WeChatPayClientTest::receiveNotification);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = new WeChatPayClient(WeChatPayClient.Credentials.of(keys.endpointKeys(), APP_ID, apiBase,
                base + "/notify/pay", base + "/notify/refund"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(0);
        api.shutdown();
    }

    @BeforeEach
    void reset() {
        tamperResponseSignatures = false;
        notifications.clear();
    }

    // ---- prepay ----------------------------------------------------------------------------------

    @Test
    void prepayReturnsRequestPaymentParametersSignedWithTheMerchantKey() throws Exception {
        WeChatPay.RequestPayment payment = client.prepay(tradeNo(), "心内科 普通号", 5000, OPENID,
                OffsetDateTime.now().plusMinutes(15));

        assertThat(payment.appId()).isEqualTo(APP_ID);
        assertThat(payment.packageValue()).startsWith("prepay_id=wx");
        assertThat(payment.signType()).isEqualTo("RSA");
        assertThat(payment.timeStamp()).matches("\\d{10}");
        assertThat(payment.nonceStr()).isNotBlank();
        String signed = payment.appId() + "\n" + payment.timeStamp() + "\n" + payment.nonceStr() + "\n"
                + payment.packageValue() + "\n";
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.merchant().getPublic());
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(payment.paySign()))).isTrue();
    }

    @Test
    void anIdenticalPrepayRetryGetsTheSamePrepayIdAndAChangedOneIsRefused() {
        String tradeNo = tradeNo();
        WeChatPay.RequestPayment first = client.prepay(tradeNo, "心内科 普通号", 5000, OPENID, null);
        WeChatPay.RequestPayment again = client.prepay(tradeNo, "心内科 普通号", 5000, OPENID, null);

        assertThat(again.packageValue()).isEqualTo(first.packageValue());
        assertThatThrownBy(() -> client.prepay(tradeNo, "心内科 普通号", 6000, OPENID, null))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_REQUEST");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void anAnswerWhoseSignatureWasTamperedWithMakesTheSdkThrow() {
        String tradeNo = tradeNo();
        client.prepay(tradeNo, "心内科 普通号", 5000, OPENID, null);
        tamperResponseSignatures = true;

        assertThatThrownBy(() -> client.queryByOutTradeNo(tradeNo))
                .isInstanceOfSatisfying(WeChatPayException.class,
                        e -> assertThat(e.code()).isEqualTo("RESPONSE_NOT_VERIFIED"))
                .hasCauseInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.prepay(tradeNo(), "心内科 普通号", 5000, OPENID, null))
                .isInstanceOfSatisfying(WeChatPayException.class,
                        e -> assertThat(e.code()).isEqualTo("RESPONSE_NOT_VERIFIED"));
    }

    @Test
    void aRequestSignedWithAnotherMerchantKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey stranger = generator.generateKeyPair().getPrivate();
        WeChatPayClient impostor = new WeChatPayClient(new WeChatPayClient.Credentials(APP_ID, keys.merchantId(),
                keys.merchantSerialNumber(), stranger, keys.platformPublicKeyId(), keys.platform().getPublic(),
                keys.apiV3Key(), apiBase, base + "/notify/pay", base + "/notify/refund"));

        assertThatThrownBy(() -> impostor.prepay(tradeNo(), "心内科 普通号", 5000, OPENID, null))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> {
                    assertThat(e.code()).isEqualTo("SIGN_ERROR");
                    assertThat(e.httpStatus()).isEqualTo(401);
                });
    }

    // ---- query, close ----------------------------------------------------------------------------

    @Test
    void queryShowsNotPaidThenSuccessAfterTheSimulatedPayment() throws IOException {
        String tradeNo = tradeNo();
        client.prepay(tradeNo, "心内科 普通号", 5000, OPENID, null);
        assertThat(client.queryByOutTradeNo(tradeNo).state()).isEqualTo(WeChatPay.TradeState.NOTPAY);

        sandbox.simulatePay(tradeNo);

        WeChatPay.Trade paid = client.queryByOutTradeNo(tradeNo);
        assertThat(paid.state()).isEqualTo(WeChatPay.TradeState.SUCCESS);
        assertThat(paid.outTradeNo()).isEqualTo(tradeNo);
        assertThat(paid.transactionId()).isNotBlank();
        assertThat(paid.amountFen()).isEqualTo(5000);
        assertThat(paid.payerOpenid()).isEqualTo(OPENID);
        assertThat(paid.successTime()).isNotNull();
        // the merchant id is not part of our port: seen on the wire, in the sandbox's signed answer
        assertThat(JSON.readTree(lastAnswer).path("mchid").asText()).isEqualTo(keys.merchantId());
    }

    @Test
    void queryOfAnUnknownOrderIsOrderNotExist() {
        assertThatThrownBy(() -> client.queryByOutTradeNo("NO-SUCH-ORDER-1"))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> {
                    assertThat(e.code()).isEqualTo("ORDER_NOT_EXIST");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }

    @Test
    void closingAnUnpaidOrderClosesItAndAPaidOneIsOrderPaid() {
        String unpaid = tradeNo();
        client.prepay(unpaid, "心内科 普通号", 5000, OPENID, null);
        client.closeOrder(unpaid); // 204, signed and verified
        assertThat(client.queryByOutTradeNo(unpaid).state()).isEqualTo(WeChatPay.TradeState.CLOSED);
        assertThatThrownBy(() -> client.prepay(unpaid, "心内科 普通号", 5000, OPENID, null))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> assertThat(e.code()).isEqualTo("ORDER_CLOSED"));

        String paid = tradeNo();
        client.prepay(paid, "心内科 普通号", 5000, OPENID, null);
        sandbox.simulatePay(paid);
        assertThatThrownBy(() -> client.closeOrder(paid))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> assertThat(e.code()).isEqualTo("ORDERPAID"));
        assertThatThrownBy(() -> client.closeOrder("NO-SUCH-ORDER-2"))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> assertThat(e.code()).isEqualTo("ORDER_NOT_EXIST"));
    }

    // ---- refund ----------------------------------------------------------------------------------

    @Test
    void aRefundIsProcessingUntilSimulatedThenSucceedsWithItsNotification() throws Exception {
        String tradeNo = tradeNo();
        client.prepay(tradeNo, "心内科 普通号", 5000, OPENID, null);
        sandbox.simulatePay(tradeNo);
        notifications.clear();
        String refundNo = "R" + tradeNo;

        WeChatPay.Refund refund = client.refund(tradeNo, refundNo, 3000, 5000, "患者取消预约");
        assertThat(refund.status()).isEqualTo(WeChatPay.RefundStatus.PROCESSING);
        assertThat(refund.refundFen()).isEqualTo(3000L);
        assertThat(refund.totalFen()).isEqualTo(5000L);
        assertThat(client.refund(tradeNo, refundNo, 3000, 5000, "患者取消预约").refundId())
                .as("out_refund_no is the idempotency key").isEqualTo(refund.refundId());
        assertThatThrownBy(() -> client.refund(tradeNo, "R2" + tradeNo, 2001, 5000, "超额"))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));

        sandbox.simulateRefund(refundNo);

        assertThat(client.queryRefund(refundNo).status()).isEqualTo(WeChatPay.RefundStatus.SUCCESS);
        assertThat(client.queryByOutTradeNo(tradeNo).state()).isEqualTo(WeChatPay.TradeState.REFUND);
        Received received = notifications.poll(5, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(JSON.readTree(received.body()).path("event_type").asText()).isEqualTo("REFUND.SUCCESS");
        WeChatPay.Refund parsed = client.parseRefundNotification(received.headers(), received.body());
        assertThat(parsed.status()).isEqualTo(WeChatPay.RefundStatus.SUCCESS);
        assertThat(parsed.outRefundNo()).isEqualTo(refundNo);
        assertThat(parsed.refundId()).isEqualTo(refund.refundId());
        assertThat(parsed.refundFen()).isEqualTo(3000L);
        assertThat(parsed.totalFen()).isEqualTo(5000L);
    }

    @Test
    void anUnpaidOrderCannotBeRefunded() {
        String tradeNo = tradeNo();
        client.prepay(tradeNo, "心内科 普通号", 5000, OPENID, null);

        assertThatThrownBy(() -> client.refund(tradeNo, "R" + tradeNo, 5000, 5000, "取消"))
                .isInstanceOfSatisfying(WeChatPayException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));
    }

    // ---- notifications ---------------------------------------------------------------------------

    @Test
    void thePaymentNotificationIsPostedToTheNotifyUrlAndParsesIntoTheTransaction() throws Exception {
        String tradeNo = tradeNo();
        client.prepay(tradeNo, "心内科 普通号", 5000, OPENID, null);

        WeChatPaySandbox.Delivery delivery = sandbox.simulatePay(tradeNo);

        assertThat(delivery.status()).isEqualTo(204); // as our receiver answers
        assertThat(delivery.notification().url()).isEqualTo(base + "/notify/pay");
        Received received = notifications.poll(5, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        ObjectNode envelope = (ObjectNode) JSON.readTree(received.body());
        assertThat(envelope.path("event_type").asText()).isEqualTo("TRANSACTION.SUCCESS");
        assertThat(envelope.path("resource").path("original_type").asText()).isEqualTo("transaction");
        assertThat(envelope.path("resource").path("algorithm").asText()).isEqualTo("AEAD_AES_256_GCM");
        assertThat(envelope.path("resource").path("ciphertext").asText()).doesNotContain(tradeNo);

        WeChatPay.Trade transaction = client.parsePaymentNotification(received.headers(), received.body());

        assertThat(transaction.outTradeNo()).isEqualTo(tradeNo);
        assertThat(transaction.state()).isEqualTo(WeChatPay.TradeState.SUCCESS);
        assertThat(transaction.amountFen()).isEqualTo(5000);
        assertThat(transaction.transactionId()).isEqualTo(client.queryByOutTradeNo(tradeNo).transactionId());
    }

    @Test
    void aForgedNotificationIsRejected() throws Exception {
        WeChatPaySandbox.Notification genuine = paidNotification();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey forger = generator.generateKeyPair().getPrivate();
        Map<String, String> headers = new HashMap<>(genuine.headers());
        headers.put("Wechatpay-Signature", sign(forger, headers, genuine.body()));

        assertThatThrownBy(() -> client.parsePaymentNotification(headers, genuine.body()))
                .isInstanceOf(WeChatPayNotificationRejected.class);
        assertThat(client.parsePaymentNotification(genuine.headers(), genuine.body()).outTradeNo())
                .as("the genuine one still parses").isNotBlank();
    }

    @Test
    void aNotificationWithATamperedCiphertextIsRejectedEvenWhenValidlySigned() throws Exception {
        WeChatPaySandbox.Notification genuine = paidNotification();
        ObjectNode envelope = (ObjectNode) JSON.readTree(genuine.body());
        ObjectNode resource = (ObjectNode) envelope.get("resource");
        byte[] ciphertext = Base64.getDecoder().decode(resource.get("ciphertext").asText());
        ciphertext[3] ^= 0x01;
        resource.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        byte[] tampered = envelope.toString().getBytes(StandardCharsets.UTF_8);

        // as sent, the signature no longer covers the body
        assertThatThrownBy(() -> client.parsePaymentNotification(genuine.headers(), tampered))
                .isInstanceOf(WeChatPayNotificationRejected.class);
        // even signed with the platform key itself, AES-GCM's tag refuses the altered ciphertext
        Map<String, String> resigned = new HashMap<>(genuine.headers());
        resigned.put("Wechatpay-Signature", sign(keys.platform().getPrivate(), resigned, tampered));
        assertThatThrownBy(() -> client.parsePaymentNotification(resigned, tampered))
                .isInstanceOf(WeChatPayNotificationRejected.class);
    }

    @Test
    void aNotificationWithoutSignatureHeadersIsRejected() {
        WeChatPaySandbox.Notification genuine = paidNotification();
        Map<String, String> headers = new HashMap<>(genuine.headers());
        headers.remove("Wechatpay-Signature");

        assertThatThrownBy(() -> client.parsePaymentNotification(headers, genuine.body()))
                .isInstanceOf(WeChatPayNotificationRejected.class);
    }

    @Test
    void aDuplicateNotificationParsesToTheSameTransactionId() {
        String tradeNo = tradeNo();
        client.prepay(tradeNo, "心内科 普通号", 5000, OPENID, null);
        WeChatPaySandbox.Notification first = sandbox.simulatePay(tradeNo).notification();
        WeChatPaySandbox.Notification again = sandbox.simulatePay(tradeNo).notification(); // WeChat Pay retrying

        assertThat(again.body()).as("a fresh envelope (id, nonce)").isNotEqualTo(first.body());
        WeChatPay.Trade one = client.parsePaymentNotification(first.headers(), first.body());
        WeChatPay.Trade two = client.parsePaymentNotification(again.headers(), again.body());
        assertThat(two.transactionId()).isEqualTo(one.transactionId());
        assertThat(two.outTradeNo()).isEqualTo(one.outTradeNo());
        assertThat(two.amountFen()).isEqualTo(one.amountFen());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private WeChatPaySandbox.Notification paidNotification() {
        String tradeNo = tradeNo();
        client.prepay(tradeNo, "心内科 普通号", 5000, OPENID, null);
        return sandbox.simulatePay(tradeNo).notification();
    }

    private static String sign(PrivateKey key, Map<String, String> headers, byte[] body) throws Exception {
        String message = headers.get("Wechatpay-Timestamp") + "\n" + headers.get("Wechatpay-Nonce") + "\n"
                + new String(body, StandardCharsets.UTF_8) + "\n";
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(message.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static int counter;

    private static synchronized String tradeNo() {
        return "YHL" + System.nanoTime() + (++counter);
    }

    /** The sandbox behind MockWebServer, which (unlike the JDK's server) keeps header names' case on the wire. */
    private static final class SandboxDispatcher extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            if (path == null || !path.startsWith(WeChatPaySandboxController.MOUNT + "/")) {
                return new MockResponse().setResponseCode(404);
            }
            WeChatPaySandbox.Reply reply = sandbox.handle(request.getMethod(),
                    path.substring(WeChatPaySandboxController.MOUNT.length()), request::getHeader,
                    request.getBody().readUtf8());
            Map<String, String> headers = new LinkedHashMap<>(reply.headers());
            if (tamperResponseSignatures) {
                byte[] signature = Base64.getDecoder().decode(headers.get("Wechatpay-Signature"));
                signature[10] ^= 0x01;
                headers.put("Wechatpay-Signature", Base64.getEncoder().encodeToString(signature));
            }
            lastAnswer = reply.body();
            MockResponse response = new MockResponse().setResponseCode(reply.status());
            headers.forEach(response::setHeader);
            if (reply.body().length > 0) {
                response.setBody(new Buffer().write(reply.body()));
            }
            return response;
        }
    }

    private static void receiveNotification(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            notifications.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
