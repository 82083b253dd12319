package com.yihuiliao.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The mini-program's access token, taken from {@code /cgi-bin/stable_token} and kept until shortly before it
 * expires; the one cache of it in a process. The stable token, unlike {@code /cgi-bin/token}, is the same for
 * every caller while it is valid, so several nodes fetching it do not invalidate each other's. A caller whose
 * token WeChat refused (40001, 42001: revoked or expired early) asks again with {@code force}.
 */
@Component
public class WeChatAccessToken {

    public static final int TOKEN_INVALID = 40001;
    public static final int TOKEN_EXPIRED = 42001;

    private static final Logger log = LoggerFactory.getLogger(WeChatAccessToken.class);
    /** Refreshed this long before WeChat's expiry, so a token never runs out between taking it and using it. */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private record Token(String value, Instant refreshAfter) {
    }

    private final WeChatApi api;
    private final Clock clock;
    private volatile Token token;

    @Autowired
    public WeChatAccessToken(WeChatApi api) {
        this(api, Clock.systemUTC());
    }

    WeChatAccessToken(WeChatApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Whether WeChat's answer says the token it was given is no longer good. */
    public static boolean refused(JsonNode answer) {
        int errcode = answer.path("errcode").asInt(0);
        return errcode == TOKEN_INVALID || errcode == TOKEN_EXPIRED;
    }

    /** The cached token, or a new one; {@code force} when WeChat refused the cached one. */
    public synchronized String get(boolean force) {
        Token current = token;
        Instant now = clock.instant();
        if (!force && current != null && now.isBefore(current.refreshAfter())) {
            return current.value();
        }
        WeChatSettings settings = api.settings();
        JsonNode answer = api.post("/cgi-bin/stable_token",
                Map.of("grant_type", "client_credential", "appid", nullToEmpty(settings.appId()),
                        "secret", nullToEmpty(settings.appSecret()), "force_refresh", force));
        String value = answer.path("access_token").asText("");
        long expiresIn = answer.path("expires_in").asLong(0);
        if (answer.path("errcode").asInt(0) != 0 || value.isEmpty() || expiresIn <= 0) {
            // 40013 / 40125: our app id or secret is wrong; nobody but the operator can fix it
            log.error("WeChat refused the access token: errcode {}", answer.path("errcode").asInt(0));
            throw new WeChatApi.Unreachable("stable_token refused: errcode " + answer.path("errcode").asInt(0));
        }
        Duration lifetime = Duration.ofSeconds(expiresIn);
        Duration margin = lifetime.compareTo(MARGIN.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : MARGIN;
        token = new Token(value, now.plus(lifetime).minus(margin));
        return value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
