package com.yihuiliao.command.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * A local stand-in for WeChat's jscode2session in the embedded default, speaking the same
 * protocol (JSON labelled text/plain, errcode on failure), so the real client code runs unchanged.
 *
 * <p>Codes: {@code <user>:<anything>} logs in as a stable openid derived from {@code <user>} (so a
 * user logging in twice is the same account); every code works once (40163 after that).
 * {@code err-40029}, {@code err-45011}, {@code err-40226} and {@code err--1} answer those errors;
 * {@code busy-once:<user>:<n>} is busy (-1) on its first call and succeeds on the retry.
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "yihuiliao.wechat.sandbox", havingValue = "true")
class WeChatSandbox {

    private final WeChatSettings settings;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Set<String> busyOnce = ConcurrentHashMap.newKeySet();

    WeChatSandbox(WeChatSettings settings) {
        this.settings = settings;
    }

    @GetMapping(value = "/sandbox/wechat/sns/jscode2session", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> jscode2session(@RequestParam String appid, @RequestParam String secret,
                                          @RequestParam("js_code") String code,
                                          @RequestParam("grant_type") String grantType) {
        if (!appid.equals(settings.appId()) || !secret.equals(settings.appSecret())) {
            return answer("{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
        }
        if (code.startsWith("err-")) {
            String errcode = code.substring(4);
            return answer("{\"errcode\":" + Integer.parseInt(errcode) + ",\"errmsg\":\"sandbox error\"}");
        }
        if (code.startsWith("busy-once:") && busyOnce.add(code)) {
            return answer("{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        }
        if (!"authorization_code".equals(grantType) || code.isBlank() || !used.add(code)) {
            return answer("{\"errcode\":40163,\"errmsg\":\"code been used\"}");
        }
        String user = code.startsWith("busy-once:") ? code.split(":")[1] : code.split(":")[0];
        return answer("{\"openid\":\"o" + digest(user).substring(0, 27) + "\",\"session_key\":\""
                + digest("session:" + code).substring(0, 24) + "\"}");
    }

    private static ResponseEntity<String> answer(String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
