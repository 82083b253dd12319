package com.yihuiliao.sandbox.wechat;

import com.yihuiliao.command.identity.WeChatSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * A local stand-in for WeChat's jscode2session, stable_token and getuserphonenumber in the embedded
 * default, speaking the same protocol (JSON, labelled text/plain by jscode2session; errcode on failure),
 * so the real client code runs unchanged.
 *
 * <p>Codes: {@code <user>:<anything>} logs in as a stable openid derived from {@code <user>} (so a
 * user logging in twice is the same account); every code works once (40163 after that).
 * {@code err-40029}, {@code err-45011}, {@code err-40226} and {@code err--1} answer those errors;
 * {@code busy-once:<user>:<n>} is busy (-1) on its first call and succeeds on the retry.
 *
 * <p>Phone numbers: {@code stable_token} checks the app id and secret and answers one access token
 * (valid two hours, a new one on {@code force_refresh}); getuserphonenumber checks it (40001 otherwise)
 * and answers {@code phone:<number>:<n>} with that number, once (40029 after that), its watermark carrying
 * our app id; {@code phone-other-app:<number>:<n>} carries another app's id; {@code err-<errcode>} answers
 * that error. {@code POST /sandbox/wechat/simulate/revoke-access-token} makes the current token invalid,
 * as WeChat does when the token is reset elsewhere.
 *
 * <p>Subscribe messages ({@code /cgi-bin/message/subscribe/send}): checks the token (40001), the openid (40003)
 * and the template id (40037), and records each message it accepted or refused, which
 * {@code GET /sandbox/wechat/simulate/subscribe-messages?touser=} lists. {@code POST
 * /sandbox/wechat/simulate/subscribe-errcode} ({@code {"openid", "errcode"}}; 0 clears it) makes every message to
 * that openid answer that errcode, e.g. 43101 (the user refused) or -1 (busy).
 */
@RestController
@Hidden
class WeChatSandbox {

    static final String MOUNT = "/sandbox/wechat";

    private final WeChatSettings settings;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Set<String> busyOnce = ConcurrentHashMap.newKeySet();
    private final List<SubscribeMessage> subscribeMessages = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> subscribeErrcodes = new ConcurrentHashMap<>();
    private static final String INVALID_TOKEN =
            "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}";
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(2);
    private static final Pattern PHONE_CODE =
            Pattern.compile("^(phone|phone-other-app):(\\d{5,15}):[^:]+$");
    private final SecureRandom random = new SecureRandom();
    private String accessToken;
    private Instant accessTokenExpires = Instant.EPOCH;

    WeChatSandbox(WeChatSettings settings) {
        this.settings = settings;
    }

    @GetMapping(value = MOUNT + "/sns/jscode2session", produces = MediaType.TEXT_PLAIN_VALUE)
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

    @PostMapping(value = MOUNT + "/cgi-bin/stable_token", produces = MediaType.APPLICATION_JSON_VALUE)
    synchronized ResponseEntity<String> stableToken(@RequestBody Map<String, Object> request) {
        if (!"client_credential".equals(request.get("grant_type"))) {
            return json("{\"errcode\":40002,\"errmsg\":\"invalid grant_type\"}");
        }
        if (!settings.appId().equals(request.get("appid"))) {
            return json("{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
        }
        if (!settings.appSecret().equals(request.get("secret"))) {
            return json("{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");
        }
        Instant now = Instant.now();
        if (Boolean.TRUE.equals(request.get("force_refresh")) || accessToken == null || !now.isBefore(accessTokenExpires)) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            accessToken = HexFormat.of().formatHex(bytes);
            accessTokenExpires = now.plus(ACCESS_TOKEN_LIFETIME);
        }
        return json("{\"access_token\":\"" + accessToken + "\",\"expires_in\":"
                + Duration.between(now, accessTokenExpires).toSeconds() + "}");
    }

    @PostMapping(value = MOUNT + "/wxa/business/getuserphonenumber", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> getUserPhoneNumber(@RequestParam(name = "access_token", required = false) String token,
                                              @RequestBody Map<String, Object> request) {
        if (!validAccessToken(token)) {
            return json(INVALID_TOKEN);
        }
        String code = request.get("code") instanceof String text ? text : "";
        if (code.startsWith("err-")) {
            return json("{\"errcode\":" + Integer.parseInt(code.substring(4)) + ",\"errmsg\":\"sandbox error\"}");
        }
        Matcher phone = PHONE_CODE.matcher(code);
        if (!phone.matches() || !used.add(code)) {
            return json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
        }
        String number = phone.group(2);
        String appId = phone.group(1).equals("phone") ? settings.appId() : "wx-some-other-app";
        return json("{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"+86" + number
                + "\",\"purePhoneNumber\":\"" + number + "\",\"countryCode\":\"86\",\"watermark\":{\"timestamp\":"
                + Instant.now().getEpochSecond() + ",\"appid\":\"" + appId + "\"}}}");
    }

    /** A message as received, and the errcode it was answered. */
    record SubscribeMessage(String touser, String templateId, String page, Map<String, Object> data,
                            String miniprogramState, int errcode) {
    }

    @PostMapping(value = MOUNT + "/cgi-bin/message/subscribe/send", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> sendSubscribeMessage(@RequestParam(name = "access_token", required = false) String token,
                                                @RequestBody Map<String, Object> request) {
        if (!validAccessToken(token)) {
            return json(INVALID_TOKEN);
        }
        String touser = request.get("touser") instanceof String text ? text : "";
        String templateId = request.get("template_id") instanceof String text ? text : "";
        int errcode = touser.isBlank() ? 40003 : templateId.isBlank() ? 40037 : subscribeErrcodes.getOrDefault(touser, 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = request.get("data") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        subscribeMessages.add(new SubscribeMessage(touser, templateId, String.valueOf(request.get("page")), data,
                String.valueOf(request.get("miniprogram_state")), errcode));
        return json(errcode == 0 ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
                : "{\"errcode\":" + errcode + ",\"errmsg\":\"sandbox error\"}");
    }

    @GetMapping(MOUNT + "/simulate/subscribe-messages")
    List<SubscribeMessage> subscribeMessages(@RequestParam String touser) {
        return subscribeMessages.stream().filter(message -> message.touser().equals(touser)).toList();
    }

    record SubscribeErrcode(String openid, int errcode) {
    }

    @PostMapping(MOUNT + "/simulate/subscribe-errcode")
    ResponseEntity<Void> subscribeErrcode(@RequestBody SubscribeErrcode request) {
        if (request.errcode() == 0) {
            subscribeErrcodes.remove(request.openid());
        } else {
            subscribeErrcodes.put(request.openid(), request.errcode());
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(MOUNT + "/simulate/revoke-access-token")
    synchronized ResponseEntity<Void> revokeAccessToken() {
        accessToken = null;
        return ResponseEntity.noContent().build();
    }

    private synchronized boolean validAccessToken(String token) {
        return token != null && token.equals(accessToken) && Instant.now().isBefore(accessTokenExpires);
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
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
