package com.yihuiliao.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Exchanges a mini-program's wx.login code for the user's openid through WeChat's
 * jscode2session, over real HTTP. session_key stays here: it is never returned or stored.
 */
@Component
public class WeChatLogin {

    public record Session(String openid, String unionid) {
    }

    private static final Logger log = LoggerFactory.getLogger(WeChatLogin.class);
    private static final int BUSY = -1;

    private final WeChatSettings settings;
    private final Optional<WeChatEndpoint> endpoint;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    WeChatLogin(WeChatSettings settings, Optional<WeChatEndpoint> endpoint) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public Session exchange(String code) {
        JsonNode answer = call(code);
        if (answer.path("errcode").asInt(0) == BUSY) {
            answer = call(code); // WeChat asks callers to retry once when busy
        }
        int errcode = answer.path("errcode").asInt(0);
        if (errcode == 0 && answer.hasNonNull("openid")) {
            return new Session(answer.get("openid").asText(), answer.path("unionid").asText(null));
        }
        log.info("jscode2session refused a login: errcode {}", errcode);
        throw switch (errcode) {
            case 40029, 40163 -> new BusinessRuleViolation(ErrorCode.WECHAT_CODE_INVALID);
            case 45011 -> new BusinessRuleViolation(ErrorCode.TOO_MANY_REQUESTS,
                    "WeChat limits how often this user can log in; please wait a minute.");
            case 40226 -> new BusinessRuleViolation(ErrorCode.WECHAT_USER_BLOCKED);
            default -> new BusinessRuleViolation(ErrorCode.WECHAT_UNAVAILABLE);
        };
    }

    private JsonNode call(String code) {
        URI uri = URI.create(WeChatSettings.apiBase(settings, endpoint) + "/sns/jscode2session?appid=" + encode(settings.appId())
                + "&secret=" + encode(settings.appSecret()) + "&js_code=" + encode(code)
                + "&grant_type=authorization_code");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            // WeChat answers JSON, sometimes labelled text/plain: parse the text whatever its type
            return json.readTree(response.body());
        } catch (IOException e) {
            log.warn("WeChat jscode2session unreachable: {}", e.toString());
            throw new BusinessRuleViolation(ErrorCode.WECHAT_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessRuleViolation(ErrorCode.WECHAT_UNAVAILABLE);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
