package com.yihuiliao.sandbox.wechatpay;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@link WeChatPaySandbox} at /sandbox/wechatpay (the embedded default): the v3 API under
 * /sandbox/wechatpay/v3/**, and two test hooks that play the payer and the bank:
 * {@code POST /sandbox/wechatpay/simulate/pay {"outTradeNo":…}} and
 * {@code POST /sandbox/wechatpay/simulate/refund {"outRefundNo":…}} — each completes the order or
 * refund and posts its signed, encrypted notification to the notify_url (again on every call).
 */
@RestController
@Hidden
class WeChatPaySandboxController {

    static final String MOUNT = "/sandbox/wechatpay";

    private final WeChatPaySandbox sandbox;

    WeChatPaySandboxController(SandboxKeys keys) {
        this(new WeChatPaySandbox(keys));
    }

    @Autowired
    WeChatPaySandboxController(WeChatPaySandbox sandbox) {
        this.sandbox = sandbox;
    }

    @RequestMapping(MOUNT + "/v3/**")
    ResponseEntity<byte[]> api(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + MOUNT.length());
        String url = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        WeChatPaySandbox.Reply reply = sandbox.handle(request.getMethod(), url, request::getHeader,
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
        HttpHeaders headers = new HttpHeaders();
        reply.headers().forEach(headers::set);
        return ResponseEntity.status(reply.status()).headers(headers).body(reply.body().length == 0 ? null : reply.body());
    }

    /** @param sendNotification false: pay without posting the notification (a lost one); absent means true */
    record SimulatePay(String outTradeNo, Boolean sendNotification) {
    }

    /** @param outcome SUCCESS (absent), CLOSED or ABNORMAL */
    record SimulateRefund(String outRefundNo, String outcome) {
    }

    @PostMapping(MOUNT + "/simulate/pay")
    ResponseEntity<Map<String, Object>> simulatePay(@RequestBody SimulatePay request) {
        try {
            WeChatPaySandbox.Delivery delivery = sandbox.simulatePay(request.outTradeNo(),
                    !Boolean.FALSE.equals(request.sendNotification()));
            return delivery == null ? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("notifyStatus", "not sent")) : delivered(delivery);
        } catch (IllegalArgumentException e) {
            return refused(HttpStatus.NOT_FOUND, "ORDER_NOT_EXIST", e.getMessage());
        } catch (IllegalStateException e) {
            return refused(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", e.getMessage());
        }
    }

    @PostMapping(MOUNT + "/simulate/refund")
    ResponseEntity<Map<String, Object>> simulateRefund(@RequestBody SimulateRefund request) {
        try {
            return delivered(sandbox.simulateRefund(request.outRefundNo(),
                    request.outcome() == null ? "SUCCESS" : request.outcome()));
        } catch (IllegalArgumentException e) {
            return refused(HttpStatus.NOT_FOUND, "RESOURCE_NOT_EXISTS", e.getMessage());
        } catch (IllegalStateException e) {
            return refused(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", e.getMessage());
        }
    }

    private static ResponseEntity<Map<String, Object>> delivered(WeChatPaySandbox.Delivery delivery) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("notifyUrl", delivery.notification().url(), "notifyStatus", delivery.status()));
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "message", message == null ? "" : message));
    }
}
