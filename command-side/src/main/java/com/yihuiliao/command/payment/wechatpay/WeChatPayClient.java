package com.yihuiliao.command.payment.wechatpay;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.core.util.PemUtil;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.billdownload.model.TarType;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import com.wechat.pay.java.service.refund.model.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@link WeChatPay} over wechatpay-java — the one class that sees the SDK; its models become our records
 * here. {@link RSAPublicKeyConfig} (no network call to set up),
 * requests sent to {@code apiBase} by an OkHttp interceptor. The SDK signs every request with the
 * merchant key and verifies every answer with the WeChat Pay public key.
 *
 * <p>Built on first use, so a node without WeChat Pay settings still starts; the first call then fails
 * with a clear message. When a {@link WeChatPayEndpoint} bean exists (the embedded default's sandbox),
 * the keys, and the host unless one is configured, come from it.
 */
@Component
public class WeChatPayClient implements WeChatPay {

    /** Everything the client needs, resolved from the settings (or a {@link WeChatPayEndpoint}). */
    public record Credentials(String appId, String merchantId, String merchantSerialNumber, PrivateKey merchantPrivateKey,
                              String platformPublicKeyId, PublicKey platformPublicKey, String apiV3Key,
                              String apiBase, String notifyUrl, String refundNotifyUrl) {

        /** An endpoint's keys at {@code apiBase}. */
        public static Credentials of(WeChatPayEndpoint.Keys keys, String appId, String apiBase, String notifyUrl,
                                     String refundNotifyUrl) {
            return new Credentials(appId, keys.merchantId(), keys.merchantSerialNumber(), keys.merchantPrivateKey(),
                    keys.platformPublicKeyId(), keys.platformPublicKey(), keys.apiV3Key(), apiBase, notifyUrl,
                    refundNotifyUrl);
        }
    }

    public static final String DEFAULT_API_BASE = "https://api.mch.weixin.qq.com";
    private static final Logger log = LoggerFactory.getLogger(WeChatPayClient.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private record Sdk(Credentials credentials, JsapiServiceExtension jsapi, RefundService refunds,
                       BillDownloadServiceExtension bills, NotificationParser notifications) {
    }

    private final Supplier<Credentials> credentials;
    private volatile Sdk sdk;

    @Autowired
    WeChatPayClient(WeChatPaySettings settings, Environment environment, ObjectProvider<WeChatPayEndpoint> endpoint) {
        this.credentials = () -> resolve(settings, environment, endpoint.getIfAvailable());
    }

    /** A client for the given credentials (tests, tools). */
    public WeChatPayClient(Credentials credentials) {
        this.credentials = () -> credentials;
    }

    @Override
    public RequestPayment prepay(String outTradeNo, String description, int amountFen, String payerOpenid,
                                 OffsetDateTime timeExpire) {
        Sdk s = sdk();
        PrepayRequest request = new PrepayRequest();
        request.setAppid(s.credentials().appId());
        request.setMchid(s.credentials().merchantId());
        request.setOutTradeNo(outTradeNo);
        request.setDescription(description);
        request.setNotifyUrl(s.credentials().notifyUrl());
        if (timeExpire != null) {
            request.setTimeExpire(timeExpire.atZoneSameInstant(SHANGHAI).truncatedTo(ChronoUnit.SECONDS).format(RFC3339));
        }
        Amount amount = new Amount();
        amount.setTotal(amountFen);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        Payer payer = new Payer();
        payer.setOpenid(payerOpenid);
        request.setPayer(payer);
        PrepayWithRequestPaymentResponse answer = call(() -> s.jsapi().prepayWithRequestPayment(request));
        return new RequestPayment(answer.getAppId(), answer.getTimeStamp(), answer.getNonceStr(), answer.getPackageVal(),
                answer.getSignType(), answer.getPaySign());
    }

    @Override
    public Trade queryByOutTradeNo(String outTradeNo) {
        Sdk s = sdk();
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(s.credentials().merchantId());
        request.setOutTradeNo(outTradeNo);
        return trade(call(() -> s.jsapi().queryOrderByOutTradeNo(request)));
    }

    @Override
    public void closeOrder(String outTradeNo) {
        Sdk s = sdk();
        CloseOrderRequest request = new CloseOrderRequest();
        request.setMchid(s.credentials().merchantId());
        request.setOutTradeNo(outTradeNo);
        call(() -> {
            s.jsapi().closeOrder(request);
            return null;
        });
    }

    /** WeChat Pay takes at most 80 characters of reason (staff and cancellation reasons may be longer). */
    static String reasonForWeChat(String reason) {
        if (reason == null || reason.codePointCount(0, reason.length()) <= 80) {
            return reason;
        }
        return reason.substring(0, reason.offsetByCodePoints(0, 80));
    }

    @Override
    public Refund refund(String outTradeNo, String outRefundNo, long refundFen, long totalFen, String reason) {
        Sdk s = sdk();
        CreateRequest request = new CreateRequest();
        request.setOutTradeNo(outTradeNo);
        request.setOutRefundNo(outRefundNo);
        request.setReason(reasonForWeChat(reason));
        request.setNotifyUrl(s.credentials().refundNotifyUrl());
        AmountReq amount = new AmountReq();
        amount.setRefund(refundFen);
        amount.setTotal(totalFen);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        return refund(call(() -> s.refunds().create(request)));
    }

    @Override
    public Refund queryRefund(String outRefundNo) {
        Sdk s = sdk();
        QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(outRefundNo);
        return refund(call(() -> s.refunds().queryByOutRefundNo(request)));
    }

    @Override
    public TradeBill tradeBill(LocalDate date) {
        Sdk s = sdk();
        GetTradeBillRequest request = new GetTradeBillRequest();
        request.setBillDate(date.toString());
        request.setBillType(BillType.ALL);
        request.setTarType(TarType.GZIP);
        byte[] bill;
        try {
            DigestBillEntity entity = call(() -> s.bills().getTradeBill(request));
            try (InputStream in = entity.getInputStream()) {
                bill = in.readAllBytes(); // the digest is of the unzipped bill, read through to the end
            }
            if (!entity.verifyHash()) {
                log.warn("WeChat Pay trade bill of {}: SHA1 does not match", date);
                throw new WeChatPayException("BILL_HASH_MISMATCH", "the downloaded bill's SHA1 is not the one announced", 0, null);
            }
        } catch (WeChatPayException e) {
            if ("NO_STATEMENT_EXIST".equals(e.code())) {
                return new TradeBill(date, List.of()); // no trade that day
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e instanceof WeChatPayException w) {
                throw w;
            }
            log.warn("WeChat Pay trade bill of {} could not be read: {}", date, e.toString());
            throw new WeChatPayException("UNAVAILABLE", "the trade bill could not be downloaded: " + e.getMessage(), 0, e);
        }
        try {
            return TradeBillParser.parse(date, new String(bill, StandardCharsets.UTF_8));
        } catch (TradeBillParser.MalformedBill e) {
            throw new WeChatPayException("BILL_MALFORMED", e.getMessage(), 0, e);
        }
    }

    @Override
    public Trade parsePaymentNotification(Map<String, String> headers, byte[] body) {
        return trade(parse(headers, body, Transaction.class));
    }

    @Override
    public Refund parseRefundNotification(Map<String, String> headers, byte[] body) {
        RefundNotification n = parse(headers, body, RefundNotification.class);
        return refund(n.getOutTradeNo(), n.getOutRefundNo(), n.getRefundId(), n.getRefundStatus(), n.getAmount(),
                n.getUserReceivedAccount());
    }

    private static Trade trade(Transaction t) {
        return new Trade(t.getOutTradeNo(), t.getTransactionId(),
                t.getTradeState() == null ? null : TradeState.valueOf(t.getTradeState().name()),
                t.getAmount() == null || t.getAmount().getTotal() == null ? -1 : t.getAmount().getTotal(),
                t.getPayer() == null ? null : t.getPayer().getOpenid(), time(t.getSuccessTime()));
    }

    // the SDK's Refund has our port's record's simple name: named in full here, and only here
    private static Refund refund(com.wechat.pay.java.service.refund.model.Refund r) {
        return refund(r.getOutTradeNo(), r.getOutRefundNo(), r.getRefundId(), r.getStatus(), r.getAmount(),
                r.getUserReceivedAccount());
    }

    /** The refund API's answer and its notification carry the same fields under different classes. */
    private static Refund refund(String outTradeNo, String outRefundNo, String refundId, Status status,
                                 com.wechat.pay.java.service.refund.model.Amount amount, String receivedBy) {
        return new Refund(outTradeNo, outRefundNo, refundId, status == null ? null : RefundStatus.valueOf(status.name()),
                amount == null || amount.getRefund() == null ? -1 : amount.getRefund(),
                amount == null || amount.getTotal() == null ? -1 : amount.getTotal(), receivedBy);
    }

    /** RFC 3339; a time that does not parse is only informative, so it is dropped rather than failing the call. */
    private static OffsetDateTime time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(rfc3339);
        } catch (DateTimeParseException e) {
            log.warn("WeChat Pay time not understood: {}", rfc3339);
            return null;
        }
    }

    private <T> T parse(Map<String, String> headers, byte[] body, Class<T> type) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        for (String name : new String[]{"Wechatpay-Serial", "Wechatpay-Signature", "Wechatpay-Timestamp", "Wechatpay-Nonce"}) {
            if (h.get(name) == null || h.get(name).isBlank()) {
                throw new WeChatPayNotificationRejected("notification without " + name, null);
            }
        }
        RequestParam.Builder param = new RequestParam.Builder()
                .serialNumber(h.get("Wechatpay-Serial"))
                .signature(h.get("Wechatpay-Signature"))
                .timestamp(h.get("Wechatpay-Timestamp"))
                .nonce(h.get("Wechatpay-Nonce"))
                .body(new String(body, StandardCharsets.UTF_8));
        if (h.get("Wechatpay-Signature-Type") != null) {
            param.signType(h.get("Wechatpay-Signature-Type"));
        }
        try {
            return sdk().notifications().parse(param.build(), type);
        } catch (RuntimeException e) {
            // the SDK's message quotes the whole body: keep it out of the log line and the message
            log.warn("WeChat Pay notification rejected ({}), serial {}", e.getClass().getSimpleName(),
                    h.get("Wechatpay-Serial"));
            throw new WeChatPayNotificationRejected("notification does not verify or decrypt ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ServiceException e) {
            throw new WeChatPayException(e.getErrorCode() == null ? "HTTP_" + e.getHttpStatusCode() : e.getErrorCode(),
                    String.valueOf(e.getErrorMessage()), e.getHttpStatusCode(), e);
        } catch (ValidationException e) {
            log.warn("WeChat Pay answer not verified: {}", e.getMessage());
            throw new WeChatPayException("RESPONSE_NOT_VERIFIED", e.getMessage(), 0, e);
        } catch (WechatPayException | IllegalArgumentException e) {
            // HttpException (unreachable), MalformedMessageException; the SDK's IllegalArgumentException is a stale answer
            log.warn("WeChat Pay unavailable: {}", e.toString());
            throw new WeChatPayException("UNAVAILABLE", e.getMessage(), 0, e);
        }
    }

    private Sdk sdk() {
        Sdk current = sdk;
        if (current == null) {
            synchronized (this) {
                current = sdk;
                if (current == null) {
                    current = build(credentials.get());
                    sdk = current;
                }
            }
        }
        return current;
    }

    private static Sdk build(Credentials c) {
        RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder()
                .merchantId(c.merchantId())
                .privateKey(c.merchantPrivateKey())
                .merchantSerialNumber(c.merchantSerialNumber())
                .publicKey(c.platformPublicKey())
                .publicKeyId(c.platformPublicKeyId())
                .apiV3Key(c.apiV3Key())
                .build();
        OkHttpClient.Builder okHttp = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(10));
        if (!DEFAULT_API_BASE.equals(c.apiBase())) {
            okHttp.addInterceptor(new BaseUrlInterceptor(c.apiBase()));
        }
        HttpClient http = new DefaultHttpClientBuilder().config(config).okHttpClient(okHttp.build()).build();
        return new Sdk(c,
                new JsapiServiceExtension.Builder().config(config).httpClient(http).build(),
                new RefundService.Builder().config(config).httpClient(http).build(),
                new BillDownloadServiceExtension.Builder().config(config).httpClient(http).build(),
                new NotificationParser(config));
    }

    private static Credentials resolve(WeChatPaySettings s, Environment environment, WeChatPayEndpoint endpoint) {
        String self = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
        String apiBase = blank(s.apiBase()) ? (endpoint != null ? endpoint.apiBase() : DEFAULT_API_BASE) : s.apiBase();
        String notifyUrl = s.notifyUrl() != null && s.notifyUrl().startsWith("/") ? self + s.notifyUrl() : s.notifyUrl();
        String refundNotifyUrl = blank(s.refundNotifyUrl()) ? notifyUrl
                : s.refundNotifyUrl().startsWith("/") ? self + s.refundNotifyUrl() : s.refundNotifyUrl();
        if (endpoint != null) {
            require("app-id", s.appId());
            require("notify-url", s.notifyUrl());
            return Credentials.of(endpoint.keys(), s.appId(), apiBase, notifyUrl, refundNotifyUrl);
        }
        require("app-id", s.appId());
        require("merchant-id", s.merchantId());
        require("merchant-serial-number", s.merchantSerialNumber());
        require("merchant-private-key", s.merchantPrivateKey());
        require("platform-public-key-id", s.platformPublicKeyId());
        require("platform-public-key", s.platformPublicKey());
        require("api-v3-key", s.apiV3Key());
        require("notify-url", s.notifyUrl());
        return new Credentials(s.appId(), s.merchantId(), s.merchantSerialNumber(),
                PemUtil.loadPrivateKeyFromString(s.merchantPrivateKey()), s.platformPublicKeyId(),
                PemUtil.loadPublicKeyFromString(s.platformPublicKey()), s.apiV3Key(), apiBase, notifyUrl,
                refundNotifyUrl);
    }

    private static void require(String name, String value) {
        if (blank(value)) {
            throw new IllegalStateException("WeChat Pay is not configured: yihuiliao.wechatpay." + name + " is missing");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
