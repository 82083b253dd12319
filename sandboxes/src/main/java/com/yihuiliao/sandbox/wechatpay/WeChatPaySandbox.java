package com.yihuiliao.sandbox.wechatpay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory WeChat Pay v3 for JSAPI orders and refunds, speaking the real protocol: request
 * signatures are checked with the merchant public key, answers are signed with the platform key, and
 * notifications are signed and AES-256-GCM encrypted with the APIv3 key. No Spring here: the
 * controller and the tests put it behind an HTTP server.
 *
 * <p>Paths given to {@link #handle} are those the SDK signs (from {@code /v3/...}, with the query).
 * Orders are paid and refunds completed only by {@link #simulatePay} / {@link #simulateRefund}, which
 * also post the notification to the order's notify_url (again on every call, as WeChat Pay retries).
 */
public final class WeChatPaySandbox {

    /** An HTTP answer: status, headers (exact names), body bytes (empty for 204). */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
    }

    /** A notification as posted: where, its headers, its raw body. */
    public record Notification(String url, Map<String, String> headers, byte[] body) {
    }

    /** A notification and how its notify_url answered (0: unreachable). */
    public record Delivery(Notification notification, int status) {
    }

    private static final Logger log = LoggerFactory.getLogger(WeChatPaySandbox.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern AUTH_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern QUERY_ORDER = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/?]+)(\\?.*)?");
    private static final Pattern CLOSE_ORDER = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/?]+)/close");
    private static final Pattern QUERY_REFUND = Pattern.compile("/v3/refund/domestic/refunds/([^/?]+)(\\?.*)?");
    private static final long MAX_SKEW_SECONDS = 300;

    /** WeChat Pay's published refund rules: within 365 days of payment, at most 50 partial refunds an order. */
    static final Duration REFUND_WINDOW = Duration.ofDays(365);
    static final int MAX_REFUNDS_PER_ORDER = 50;
    /** WeChat Pay's: at least a minute between two refund requests on one order (else FREQUENCY_LIMITED). */
    public static final Duration DEFAULT_REFUND_INTERVAL = Duration.ofMinutes(1);
    private static final Pattern TRADE_BILL = Pattern.compile("/v3/bill/tradebill\\?(.*)");
    private static final Pattern BILL_FILE = Pattern.compile("/v3/billdownload/file\\?token=([A-Za-z0-9]+)");
    private static final Duration BILL_LINK_LIFETIME = Duration.ofMinutes(5);

    private final SandboxKeys keys;
    private final Clock clock;
    private final Duration refundInterval;
    private final Map<String, BillFile> billFiles = new ConcurrentHashMap<>();

    private record BillFile(byte[] bytes, Instant expiresAt) {
    }
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, RefundRecord> refunds = new ConcurrentHashMap<>();

    private static final class Order {
        final String outTradeNo;
        final String appId;
        final String description;
        final int total;
        final String openid;
        final String notifyUrl;
        final String prepayId;
        final String timeExpire;
        String state = "NOTPAY";
        String transactionId;
        String successTime;
        Instant paidAt;
        long refunded;
        int refundCount;
        Instant lastRefundAt;

        Order(String outTradeNo, String appId, String description, int total, String openid, String notifyUrl,
              String prepayId, String timeExpire) {
            this.outTradeNo = outTradeNo;
            this.appId = appId;
            this.description = description;
            this.total = total;
            this.openid = openid;
            this.notifyUrl = notifyUrl;
            this.prepayId = prepayId;
            this.timeExpire = timeExpire;
        }
    }

    private static final class RefundRecord {
        final String outRefundNo;
        final String refundId;
        final Order order;
        final long refund;
        final String reason;
        final String notifyUrl;
        final String createTime;
        String status = "PROCESSING";
        String successTime;
        Instant acceptedAt;

        RefundRecord(String outRefundNo, String refundId, Order order, long refund, String reason, String notifyUrl,
                     String createTime) {
            this.outRefundNo = outRefundNo;
            this.refundId = refundId;
            this.order = order;
            this.refund = refund;
            this.reason = reason;
            this.notifyUrl = notifyUrl;
            this.createTime = createTime;
        }
    }

    public WeChatPaySandbox(SandboxKeys keys) {
        this(keys, Clock.systemUTC());
    }

    public WeChatPaySandbox(SandboxKeys keys, Clock clock) {
        this(keys, clock, DEFAULT_REFUND_INTERVAL);
    }

    /** @param refundInterval the least time between two refund requests on one order (WeChat Pay's: a minute) */
    public WeChatPaySandbox(SandboxKeys keys, Clock clock, Duration refundInterval) {
        this.keys = keys;
        this.clock = clock;
        this.refundInterval = refundInterval;
    }

    /**
     * Answers one API call.
     *
     * @param method       HTTP method
     * @param pathAndQuery the signed URL: path from /v3/… plus "?query" if any
     * @param header       looks a request header up by name, case-insensitively
     * @param body         the raw request body ("" when none)
     */
    public Reply handle(String method, String pathAndQuery, Function<String, String> header, String body) {
        String refusal = checkSignature(method, pathAndQuery, header.apply("Authorization"), body);
        if (refusal != null) {
            return error(401, "SIGN_ERROR", refusal);
        }
        try {
            String path = pathAndQuery;
            Matcher m;
            if ("GET".equals(method) && (m = BILL_FILE.matcher(path)).matches()) {
                return billFile(m.group(1));
            }
            if ("POST".equals(method) && "/v3/pay/transactions/jsapi".equals(path)) {
                return prepay(json.readTree(body));
            }
            if ("POST".equals(method) && (m = CLOSE_ORDER.matcher(path)).matches()) {
                return close(m.group(1));
            }
            if ("GET".equals(method) && (m = QUERY_ORDER.matcher(path)).matches()) {
                Order order = orders.get(m.group(1));
                return order == null ? error(404, "ORDER_NOT_EXIST", "订单不存在") : signed(200, transaction(order));
            }
            if ("POST".equals(method) && "/v3/refund/domestic/refunds".equals(path)) {
                return refund(json.readTree(body));
            }
            if ("GET".equals(method) && (m = QUERY_REFUND.matcher(path)).matches()) {
                RefundRecord refund = refunds.get(m.group(1));
                return refund == null ? error(404, "RESOURCE_NOT_EXISTS", "退款单不存在") : signed(200, refundJson(refund));
            }
            if ("GET".equals(method) && (m = TRADE_BILL.matcher(path)).matches()) {
                return tradeBill(query(m.group(1)));
            }
            return error(404, "RESOURCE_NOT_EXISTS", "no such API in the sandbox: " + method + " " + path);
        } catch (IOException e) {
            return error(400, "PARAM_ERROR", "body is not JSON");
        }
    }

    /** Marks the order paid (if it is not yet) and posts TRANSACTION.SUCCESS to its notify_url. */
    public Delivery simulatePay(String outTradeNo) {
        return simulatePay(outTradeNo, true);
    }

    /**
     * Marks the order paid (if it is not yet); with {@code notify} false no notification is posted —
     * a notification lost on the way, which only a query finds out (answers a null delivery).
     */
    public Delivery simulatePay(String outTradeNo, boolean notify) {
        Order order = orders.get(outTradeNo);
        if (order == null) {
            throw new IllegalArgumentException("ORDER_NOT_EXIST: " + outTradeNo);
        }
        synchronized (order) {
            if ("NOTPAY".equals(order.state)) {
                order.state = "SUCCESS";
                order.transactionId = "4200" + String.format("%024d", sequence.incrementAndGet());
                order.paidAt = clock.instant();
                order.successTime = format(order.paidAt);
            } else if (!"SUCCESS".equals(order.state)) {
                throw new IllegalStateException(order.state + ": order " + outTradeNo + " cannot be paid");
            }
        }
        if (!notify) {
            return null;
        }
        Notification notification = notification(order.notifyUrl, "TRANSACTION.SUCCESS", "支付成功", "transaction",
                transaction(order));
        return new Delivery(notification, deliver(notification));
    }

    /** Completes the refund (if it is not yet) and posts REFUND.SUCCESS to its notify_url. */
    public Delivery simulateRefund(String outRefundNo) {
        return simulateRefund(outRefundNo, "SUCCESS");
    }

    /**
     * Ends a processing refund with the outcome — SUCCESS, CLOSED or ABNORMAL (an ABNORMAL one can
     * still succeed later, as after manual handling on the merchant platform) — and posts the
     * REFUND.&lt;outcome&gt; notification to its notify_url.
     */
    public Delivery simulateRefund(String outRefundNo, String outcome) {
        if (!Set.of("SUCCESS", "CLOSED", "ABNORMAL").contains(outcome)) {
            throw new IllegalStateException("a refund ends SUCCESS, CLOSED or ABNORMAL, not " + outcome);
        }
        RefundRecord refund = refunds.get(outRefundNo);
        if (refund == null) {
            throw new IllegalArgumentException("RESOURCE_NOT_EXISTS: " + outRefundNo);
        }
        synchronized (refund) {
            if ("PROCESSING".equals(refund.status) || "ABNORMAL".equals(refund.status)) {
                refund.status = outcome;
                if ("SUCCESS".equals(outcome)) {
                    refund.successTime = now();
                } else if ("CLOSED".equals(outcome)) {
                    synchronized (refund.order) {
                        refund.order.refunded -= refund.refund; // a closed refund gives its amount back
                    }
                }
            }
        }
        ObjectNode resource = json.createObjectNode()
                .put("mchid", keys.merchantId())
                .put("out_trade_no", refund.order.outTradeNo)
                .put("transaction_id", refund.order.transactionId)
                .put("out_refund_no", refund.outRefundNo)
                .put("refund_id", refund.refundId)
                .put("refund_status", refund.status)
                .put("success_time", refund.successTime)
                .put("user_received_account", "支付用户零钱");
        resource.putObject("amount").put("total", refund.order.total).put("refund", refund.refund)
                .put("payer_total", refund.order.total).put("payer_refund", refund.refund);
        Notification notification = notification(refund.notifyUrl, "REFUND." + refund.status,
                "SUCCESS".equals(refund.status) ? "退款成功" : "CLOSED".equals(refund.status) ? "退款关闭" : "退款异常",
                "refund", resource);
        return new Delivery(notification, deliver(notification));
    }

    // ---- API operations ------------------------------------------------------------------------------

    private Reply prepay(JsonNode request) {
        String outTradeNo = request.path("out_trade_no").asText("");
        int total = request.path("amount").path("total").asInt(0);
        String openid = request.path("payer").path("openid").asText("");
        String notifyUrl = request.path("notify_url").asText("");
        if (!keys.merchantId().equals(request.path("mchid").asText())) {
            return error(400, "MCH_NOT_EXISTS", "商户号不存在");
        }
        if (outTradeNo.length() < 6 || outTradeNo.length() > 32 || total <= 0 || openid.isBlank()
                || notifyUrl.isBlank() || request.path("appid").asText("").isBlank()
                || request.path("description").asText("").isBlank()) {
            return error(400, "PARAM_ERROR", "参数错误: out_trade_no (6-32), amount.total > 0, payer.openid, "
                    + "appid, description and notify_url are required");
        }
        Order fresh = new Order(outTradeNo, request.path("appid").asText(), request.path("description").asText(),
                total, openid, notifyUrl, "wx" + HexFormat.of().formatHex(bytes(16)),
                request.path("time_expire").asText(null));
        Order order = orders.putIfAbsent(outTradeNo, fresh);
        if (order == null) {
            order = fresh;
        } else {
            if ("SUCCESS".equals(order.state) || "REFUND".equals(order.state)) {
                return error(400, "ORDERPAID", "该订单已支付");
            }
            if ("CLOSED".equals(order.state)) {
                return error(400, "ORDER_CLOSED", "该订单已关闭");
            }
            if (order.total != total || !order.openid.equals(openid) || !order.description.equals(fresh.description)) {
                return error(400, "INVALID_REQUEST", "201 商户订单号重复");
            }
        }
        return signed(200, json.createObjectNode().put("prepay_id", order.prepayId));
    }

    private Reply close(String outTradeNo) {
        Order order = orders.get(outTradeNo);
        if (order == null) {
            return error(404, "ORDER_NOT_EXIST", "订单不存在");
        }
        synchronized (order) {
            if ("SUCCESS".equals(order.state) || "REFUND".equals(order.state)) {
                return error(400, "ORDERPAID", "该订单已支付，不能关闭");
            }
            order.state = "CLOSED";
        }
        return signed(204, null);
    }

    private Reply refund(JsonNode request) {
        String outTradeNo = request.path("out_trade_no").asText("");
        String outRefundNo = request.path("out_refund_no").asText("");
        long refundFen = request.path("amount").path("refund").asLong(0);
        long totalFen = request.path("amount").path("total").asLong(0);
        if (outRefundNo.isBlank() || refundFen <= 0) {
            return error(400, "PARAM_ERROR", "参数错误: out_refund_no and amount.refund > 0 are required");
        }
        RefundRecord existing = refunds.get(outRefundNo);
        if (existing != null) { // out_refund_no is the idempotency key
            return signed(200, refundJson(existing));
        }
        Order order = orders.get(outTradeNo);
        if (order == null) {
            return error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
        }
        synchronized (order) {
            if (!"SUCCESS".equals(order.state) && !"REFUND".equals(order.state)) {
                return error(400, "INVALID_REQUEST", "订单未支付，不能退款");
            }
            if (totalFen != order.total) {
                return error(400, "INVALID_REQUEST", "订单金额或退款金额与之前请求不一致");
            }
            Instant now = clock.instant();
            if (order.paidAt != null && now.isAfter(order.paidAt.plus(REFUND_WINDOW))) {
                return error(400, "INVALID_REQUEST", "订单已超过退款期限（支付后365天）");
            }
            if (order.refundCount >= MAX_REFUNDS_PER_ORDER) {
                return error(400, "INVALID_REQUEST", "订单已部分退款50次，不能再申请退款");
            }
            if (order.refunded + refundFen > order.total) {
                return error(400, "INVALID_REQUEST", "申请退款金额超过订单可退金额");
            }
            if (order.lastRefundAt != null && now.isBefore(order.lastRefundAt.plus(refundInterval))) {
                return error(429, "FREQUENCY_LIMITED", "频率限制：同一订单两次退款申请需间隔1分钟");
            }
            String notifyUrl = request.path("notify_url").asText("");
            RefundRecord refund = new RefundRecord(outRefundNo, "5030" + String.format("%025d", sequence.incrementAndGet()),
                    order, refundFen, request.path("reason").asText(null),
                    notifyUrl.isBlank() ? order.notifyUrl : notifyUrl, now());
            RefundRecord raced = refunds.putIfAbsent(outRefundNo, refund);
            if (raced != null) {
                return signed(200, refundJson(raced));
            }
            refund.acceptedAt = now;
            order.refunded += refundFen;
            order.refundCount++;
            order.lastRefundAt = now;
            order.state = "REFUND";
            return signed(200, refundJson(refund));
        }
    }

    private ObjectNode transaction(Order order) {
        ObjectNode node = json.createObjectNode()
                .put("appid", order.appId)
                .put("mchid", keys.merchantId())
                .put("out_trade_no", order.outTradeNo)
                .put("trade_type", "JSAPI")
                .put("trade_state", order.state)
                .put("trade_state_desc", switch (order.state) {
                    case "SUCCESS" -> "支付成功";
                    case "REFUND" -> "转入退款";
                    case "CLOSED" -> "已关闭";
                    default -> "订单未支付";
                });
        if (order.transactionId != null) {
            node.put("transaction_id", order.transactionId).put("bank_type", "OTHERS")
                    .put("success_time", order.successTime);
        }
        node.putObject("payer").put("openid", order.openid);
        ObjectNode amount = node.putObject("amount").put("total", order.total).put("currency", "CNY");
        if (order.transactionId != null) {
            amount.put("payer_total", order.total).put("payer_currency", "CNY");
        }
        return node;
    }

    private ObjectNode refundJson(RefundRecord refund) {
        ObjectNode node = json.createObjectNode()
                .put("refund_id", refund.refundId)
                .put("out_refund_no", refund.outRefundNo)
                .put("transaction_id", refund.order.transactionId)
                .put("out_trade_no", refund.order.outTradeNo)
                .put("channel", "ORIGINAL")
                .put("user_received_account", "支付用户零钱")
                .put("create_time", refund.createTime)
                .put("status", refund.status)
                .put("funds_account", "AVAILABLE");
        if (refund.successTime != null) {
            node.put("success_time", refund.successTime);
        }
        node.putObject("amount").put("total", refund.order.total).put("refund", refund.refund)
                .put("payer_total", refund.order.total).put("payer_refund", refund.refund)
                .put("settlement_refund", refund.refund).put("settlement_total", refund.order.total)
                .put("discount_refund", 0).put("currency", "CNY");
        node.putArray("promotion_detail");
        return node;
    }

    // ---- trade bill (交易账单) --------------------------------------------------------------------

    /** The ALL bill's detail header, as WeChat Pay writes it for an ordinary merchant. */
    static final String BILL_HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
            + "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,"
            + "退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
    static final String BILL_SUMMARY_HEADER = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";
    private static final DateTimeFormatter BILL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * GET /v3/bill/tradebill: the link to the day's bill (Shanghai day) with its SHA1. WeChat Pay serves the
     * previous days' after 10:00; the sandbox also serves today's so far, so a test can reconcile what it just did.
     */
    private Reply tradeBill(Map<String, String> query) {
        LocalDate date;
        try {
            date = LocalDate.parse(query.getOrDefault("bill_date", ""));
        } catch (DateTimeParseException e) {
            return error(400, "PARAM_ERROR", "bill_date 格式应为 yyyy-MM-dd");
        }
        String type = query.getOrDefault("bill_type", "ALL");
        if (!Set.of("ALL", "SUCCESS", "REFUND").contains(type)) {
            return error(400, "PARAM_ERROR", "bill_type 取值 ALL、SUCCESS 或 REFUND");
        }
        String tar = query.get("tar_type");
        if (tar != null && !"GZIP".equals(tar)) {
            return error(400, "PARAM_ERROR", "tar_type 仅支持 GZIP");
        }
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        if (date.isAfter(today)) {
            return error(400, "INVALID_REQUEST", "账单日期不能晚于今天");
        }
        if (date.isBefore(today.minusMonths(3))) {
            return error(400, "INVALID_REQUEST", "仅支持下载三个月内的账单");
        }
        byte[] bill = tradeBillCsv(date, type).getBytes(StandardCharsets.UTF_8);
        if (bill.length == 0) {
            return error(400, "NO_STATEMENT_EXIST", "该日期无交易，账单不存在");
        }
        String token = HexFormat.of().formatHex(bytes(16));
        byte[] served = tar == null ? bill : gzip(bill);
        billFiles.put(token, new BillFile(served, clock.instant().plus(BILL_LINK_LIFETIME)));
        billFiles.values().removeIf(file -> file.expiresAt().isBefore(clock.instant()));
        return signed(200, json.createObjectNode()
                .put("hash_type", "SHA1")
                .put("hash_value", HexFormat.of().formatHex(sha1(bill))) // of the bill itself, not of its gzip
                .put("download_url", "https://api.mch.weixin.qq.com/v3/billdownload/file?token=" + token));
    }

    /** GET /v3/billdownload/file: the bill's bytes, unsigned as WeChat Pay's (the SHA1 vouches for them). */
    private Reply billFile(String token) {
        BillFile file = billFiles.get(token);
        if (file == null || file.expiresAt().isBefore(clock.instant())) {
            return error(400, "INVALID_REQUEST", "下载链接已失效");
        }
        return new Reply(200, Map.of("Content-Type", "application/octet-stream"), file.bytes());
    }

    /**
     * The day's bill as WeChat Pay writes it: its detail header, a row per payment made that day (by success time)
     * and per refund accepted that day (by acceptance time; the refund's status as now), each field after a backtick,
     * amounts in yuan with two decimals, then the summary header and row. Empty when the day had no trade.
     */
    public String tradeBillCsv(LocalDate date, String type) {
        Instant from = date.atStartOfDay(SHANGHAI).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        // by time; at the same instant payments before refunds, each in the order WeChat numbered them
        record Row(Instant at, int kind, String number, String line) {
        }
        List<Row> rows = new ArrayList<>();
        long count = 0;
        long settledFen = 0;
        long refundFen = 0;
        long feeFen = 0;
        long orderFen = 0;
        if (!"REFUND".equals(type)) {
            for (Order order : orders.values()) {
                synchronized (order) {
                    if (order.paidAt == null || order.paidAt.isBefore(from) || !order.paidAt.isBefore(to)) {
                        continue;
                    }
                    long fee = fee(order.total);
                    rows.add(new Row(order.paidAt, 0, order.transactionId, row(order.paidAt, order, "SUCCESS", yuan(order.total), "0", "0",
                            "0.00", "", "", yuan(fee), yuan(order.total), "0.00")));
                    count++;
                    settledFen += order.total;
                    feeFen += fee;
                    orderFen += order.total;
                }
            }
        }
        if (!"SUCCESS".equals(type)) {
            for (RefundRecord refund : refunds.values()) {
                synchronized (refund) {
                    if (refund.acceptedAt == null || refund.acceptedAt.isBefore(from) || !refund.acceptedAt.isBefore(to)) {
                        continue;
                    }
                    long fee = fee(refund.refund);
                    String status = switch (refund.status) {
                        case "CLOSED" -> "REFUNDCLOSE";
                        case "ABNORMAL" -> "CHANGE";
                        default -> refund.status;
                    };
                    rows.add(new Row(refund.acceptedAt, 1, refund.refundId, row(refund.acceptedAt, refund.order, "REFUND", "0.00",
                            refund.refundId, refund.outRefundNo, yuan(refund.refund), "ORIGINAL", status,
                            "-" + yuan(fee), yuan(refund.order.total), yuan(refund.refund))));
                    count++;
                    refundFen += refund.refund;
                    feeFen -= fee;
                    orderFen += refund.order.total;
                }
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        rows.sort(Comparator.comparing(Row::at).thenComparing(Row::kind).thenComparing(Row::number));
        StringBuilder csv = new StringBuilder(BILL_HEADER).append("\r\n");
        rows.forEach(row -> csv.append(row.line()).append("\r\n"));
        csv.append(BILL_SUMMARY_HEADER).append("\r\n");
        csv.append(fields(String.valueOf(count), yuan(settledFen), yuan(refundFen), "0.00", yuan(feeFen), yuan(orderFen),
                yuan(refundFen))).append("\r\n");
        return csv.toString();
    }

    private String row(Instant at, Order order, String state, String settled, String refundId, String outRefundNo,
                       String refunded, String refundType, String refundStatus, String fee, String orderYuan,
                       String appliedRefund) {
        return fields(BILL_TIME.format(at.atZone(SHANGHAI)), order.appId, keys.merchantId(), "0", "",
                order.transactionId, order.outTradeNo, order.openid, "JSAPI", state, "OTHERS", "CNY", settled, "0.00",
                refundId, outRefundNo, refunded, "0.00", refundType, refundStatus,
                order.description.replace(',', '，'), "", fee, "0.60%", orderYuan, appliedRefund, "");
    }

    private static String fields(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "`" : ",`").append(values[i] == null ? "" : values[i]);
        }
        return line.toString();
    }

    /** 0.6% of the amount, in fen, rounded half up (as WeChat Pay's standard rate). */
    private static long fee(long fen) {
        return (fen * 6 + 500) / 1000;
    }

    /** Fen as yuan with two decimals, exactly. */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    // ---- the ledger, written directly (tests, demos) ---------------------------------------------

    /** A payment WeChat Pay took at {@code paidAt}, whatever our side knows of it (a test's planted difference). */
    public void plantPayment(String outTradeNo, int totalFen, Instant paidAt) {
        Order order = new Order(outTradeNo, "wx-sandbox-app", "planted", totalFen, "o-planted", "http://127.0.0.1:9/none",
                "wx" + HexFormat.of().formatHex(bytes(16)), null);
        order.state = "SUCCESS";
        order.transactionId = "4200" + String.format("%024d", sequence.incrementAndGet());
        order.paidAt = paidAt;
        order.successTime = format(paidAt);
        orders.put(outTradeNo, order);
    }

    /** Marks an order paid at another time (a test's refund-window case). */
    public void backdatePayment(String outTradeNo, Instant paidAt) {
        Order order = orders.get(outTradeNo);
        synchronized (order) {
            order.paidAt = paidAt;
            order.successTime = format(paidAt);
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- protocol --------------------------------------------------------------------------------

    /** @return why the request is refused, or null when its Authorization verifies */
    private String checkSignature(String method, String url, String authorization, String body) {
        String scheme = "WECHATPAY2-SHA256-RSA2048 ";
        if (authorization == null || !authorization.startsWith(scheme)) {
            return "Authorization is missing or not " + scheme.trim();
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = AUTH_PARAM.matcher(authorization.substring(scheme.length()));
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        for (String name : new String[]{"mchid", "nonce_str", "signature", "timestamp", "serial_no"}) {
            if (params.get(name) == null || params.get(name).isEmpty()) {
                return "Authorization lacks " + name;
            }
        }
        if (!keys.merchantId().equals(params.get("mchid"))) {
            return "unknown mchid";
        }
        if (!keys.merchantSerialNumber().equals(params.get("serial_no"))) {
            return "unknown merchant certificate serial_no";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(params.get("timestamp"));
        } catch (NumberFormatException e) {
            return "timestamp is not a number";
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > MAX_SKEW_SECONDS) {
            return "timestamp too far from now";
        }
        String message = method + "\n" + url + "\n" + timestamp + "\n" + params.get("nonce_str") + "\n" + body + "\n";
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keys.merchant().getPublic());
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            if (verifier.verify(Base64.getDecoder().decode(params.get("signature")))) {
                return null;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "signature is malformed";
        }
        return "签名错误: the signature does not verify with the merchant's public key";
    }

    private Reply signed(int status, JsonNode body) {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signatureHeaders(bytes);
        if (bytes.length > 0) {
            headers.put("Content-Type", "application/json");
        }
        headers.put("Request-ID", UUID.randomUUID().toString());
        return new Reply(status, headers, bytes);
    }

    private Reply error(int status, String code, String message) {
        return signed(status, json.createObjectNode().put("code", code).put("message", message));
    }

    private Map<String, String> signatureHeaders(byte[] body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = HexFormat.of().formatHex(bytes(16)).toUpperCase();
        String message = timestamp + "\n" + nonce + "\n" + new String(body, StandardCharsets.UTF_8) + "\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", sign(message));
        headers.put("Wechatpay-Serial", keys.platformPublicKeyId());
        return headers;
    }

    private Notification notification(String url, String eventType, String summary, String originalType,
                                      JsonNode resource) {
        byte[] nonce = HexFormat.of().formatHex(bytes(6)).getBytes(StandardCharsets.UTF_8); // 12 characters
        String associatedData = originalType;
        ObjectNode body = json.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("create_time", now())
                .put("resource_type", "encrypt-resource")
                .put("event_type", eventType)
                .put("summary", summary);
        body.putObject("resource")
                .put("original_type", originalType)
                .put("algorithm", "AEAD_AES_256_GCM")
                .put("ciphertext", encrypt(associatedData, nonce, resource.toString()))
                .put("associated_data", associatedData)
                .put("nonce", new String(nonce, StandardCharsets.UTF_8));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signatureHeaders(bytes);
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        headers.put("Content-Type", "application/json");
        return new Notification(url, headers, bytes);
    }

    private String encrypt(String associatedData, byte[] nonce, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.apiV3Key().getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.platform().getPrivate());
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the notification; a failure is logged, as WeChat Pay would just retry later. */
    int deliver(Notification notification) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(notification.url()))
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()));
            notification.headers().forEach(request::header);
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.info("WeChat Pay sandbox: notify_url {} answered {}", notification.url(), status);
            }
            return status;
        } catch (IOException | IllegalArgumentException e) {
            log.info("WeChat Pay sandbox: notify_url {} unreachable: {}", notification.url(), e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private String now() {
        return format(clock.instant());
    }

    private static String format(Instant at) {
        return OffsetDateTime.ofInstant(at, SHANGHAI).truncatedTo(ChronoUnit.SECONDS).format(RFC3339);
    }

    private byte[] bytes(int n) {
        byte[] value = new byte[n];
        random.nextBytes(value);
        return value;
    }
}
