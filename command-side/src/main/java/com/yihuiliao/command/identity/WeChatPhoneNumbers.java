package com.yihuiliao.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.patient.Masking;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Exchanges the code of the mini-program's {@code getPhoneNumber} button for the phone number WeChat
 * verified (getuserphonenumber), over real HTTP like {@link WeChatLogin}. The number comes from WeChat,
 * never from the client.
 *
 * <p>The call needs the mini-program's access token, taken from {@code /cgi-bin/stable_token} and kept
 * until shortly before it expires. The stable token, unlike {@code /cgi-bin/token}, is the same for every
 * caller while it is valid, so several nodes fetching it do not invalidate each other's. A token WeChat
 * refuses (40001, 42001: revoked or expired early) is force-refreshed once.
 */
@Component
public class WeChatPhoneNumbers {

    /** A number WeChat verified; {@link #toString()} is masked, so a logged value shows no more. */
    public record PhoneNumber(String number, String countryCode) {
        public String masked() {
            return Masking.phone(number);
        }

        @Override
        public String toString() {
            return masked();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(WeChatPhoneNumbers.class);
    private static final int BUSY = -1;
    private static final int CODE_INVALID = 40029;
    private static final int TOKEN_INVALID = 40001;
    private static final int TOKEN_EXPIRED = 42001;
    /** Refreshed this long before WeChat's expiry, so a token never runs out between taking it and using it. */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private record AccessToken(String value, Instant refreshAfter) {
    }

    private final WeChatSettings settings;
    private final Optional<WeChatEndpoint> endpoint;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private volatile AccessToken accessToken;

    @Autowired
    WeChatPhoneNumbers(WeChatSettings settings, Optional<WeChatEndpoint> endpoint) {
        this(settings, endpoint, Clock.systemUTC());
    }

    WeChatPhoneNumbers(WeChatSettings settings, Optional<WeChatEndpoint> endpoint, Clock clock) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public PhoneNumber exchange(String code) {
        JsonNode answer = getUserPhoneNumber(accessToken(false), code);
        int errcode = answer.path("errcode").asInt(0);
        if (errcode == TOKEN_INVALID || errcode == TOKEN_EXPIRED) {
            answer = getUserPhoneNumber(accessToken(true), code);
        } else if (errcode == BUSY) {
            answer = getUserPhoneNumber(accessToken(false), code); // WeChat asks callers to retry once when busy
        }
        errcode = answer.path("errcode").asInt(0);
        if (errcode != 0) {
            log.info("getuserphonenumber refused a code: errcode {}", errcode);
            throw errcode == CODE_INVALID ? new BusinessRuleViolation(ErrorCode.WECHAT_PHONE_CODE_INVALID)
                    : unavailable();
        }
        JsonNode info = answer.path("phone_info");
        String watermarkAppId = info.path("watermark").path("appid").asText("");
        if (!watermarkAppId.equals(settings.appId())) {
            // the number was not given to this mini-program: nothing to bind
            log.warn("getuserphonenumber answered a number for another app id");
            throw new BusinessRuleViolation(ErrorCode.WECHAT_PHONE_CODE_INVALID,
                    "This phone-number code was not issued to this mini-program.");
        }
        String pure = info.path("purePhoneNumber").asText("");
        String countryCode = info.path("countryCode").asText("");
        if (pure.isEmpty() || !pure.chars().allMatch(Character::isDigit) || !countryCode.chars().allMatch(Character::isDigit)) {
            log.warn("getuserphonenumber answered no usable number");
            throw unavailable();
        }
        // mainland numbers as the 11 digits used everywhere else here; others with their country code
        String number = countryCode.isEmpty() || "86".equals(countryCode) ? pure : "+" + countryCode + pure;
        return new PhoneNumber(number, countryCode.isEmpty() ? "86" : countryCode);
    }

    /** The cached token, or a new one; {@code force} when WeChat refused the cached one. */
    private synchronized String accessToken(boolean force) {
        AccessToken current = accessToken;
        Instant now = clock.instant();
        if (!force && current != null && now.isBefore(current.refreshAfter())) {
            return current.value();
        }
        JsonNode answer = post(URI.create(WeChatSettings.apiBase(settings, endpoint) + "/cgi-bin/stable_token"),
                Map.of("grant_type", "client_credential", "appid", nullToEmpty(settings.appId()),
                        "secret", nullToEmpty(settings.appSecret()), "force_refresh", force));
        String token = answer.path("access_token").asText("");
        long expiresIn = answer.path("expires_in").asLong(0);
        if (answer.path("errcode").asInt(0) != 0 || token.isEmpty() || expiresIn <= 0) {
            // 40013 / 40125: our app id or secret is wrong; nobody but the operator can fix it
            log.error("WeChat refused the access token: errcode {}", answer.path("errcode").asInt(0));
            throw unavailable();
        }
        Duration lifetime = Duration.ofSeconds(expiresIn);
        Duration margin = lifetime.compareTo(MARGIN.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : MARGIN;
        accessToken = new AccessToken(token, now.plus(lifetime).minus(margin));
        return token;
    }

    private JsonNode getUserPhoneNumber(String token, String code) {
        return post(URI.create(WeChatSettings.apiBase(settings, endpoint)
                + "/wxa/business/getuserphonenumber?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                Map.of("code", code));
    }

    private JsonNode post(URI uri, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return json.readTree(response.body()); // JSON whatever the content type says, as with jscode2session
        } catch (IOException e) {
            // the URI carries the access token: log the path only
            log.warn("WeChat {} unreachable: {}", uri.getPath(), e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    /** The code's title speaks of login; this is the phone number. */
    private static BusinessRuleViolation unavailable() {
        return new BusinessRuleViolation(ErrorCode.WECHAT_UNAVAILABLE,
                "WeChat cannot give the phone number right now; please try again.");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
