package com.yihuiliao.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.patient.Masking;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * <p>The call needs the mini-program's access token ({@link WeChatAccessToken}); a token WeChat refuses
 * (40001, 42001: revoked or expired early) is force-refreshed once.
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

    private final WeChatSettings settings;
    private final WeChatApi api;
    private final WeChatAccessToken accessToken;

    @Autowired
    WeChatPhoneNumbers(WeChatSettings settings, WeChatApi api, WeChatAccessToken accessToken) {
        this.settings = settings;
        this.api = api;
        this.accessToken = accessToken;
    }

    WeChatPhoneNumbers(WeChatSettings settings, Optional<WeChatEndpoint> endpoint, Clock clock) {
        this(settings, new WeChatApi(settings, endpoint), clock);
    }

    private WeChatPhoneNumbers(WeChatSettings settings, WeChatApi api, Clock clock) {
        this(settings, api, new WeChatAccessToken(api, clock));
    }

    public PhoneNumber exchange(String code) {
        JsonNode answer = getUserPhoneNumber(accessToken(false), code);
        if (WeChatAccessToken.refused(answer)) {
            answer = getUserPhoneNumber(accessToken(true), code);
        } else if (answer.path("errcode").asInt(0) == BUSY) {
            answer = getUserPhoneNumber(accessToken(false), code); // WeChat asks callers to retry once when busy
        }
        int errcode = answer.path("errcode").asInt(0);
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

    private String accessToken(boolean force) {
        try {
            return accessToken.get(force);
        } catch (WeChatApi.Unreachable e) {
            throw unavailable();
        }
    }

    private JsonNode getUserPhoneNumber(String token, String code) {
        try {
            return api.post("/wxa/business/getuserphonenumber?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                    Map.of("code", code));
        } catch (WeChatApi.Unreachable e) {
            throw unavailable();
        }
    }

    /** The code's title speaks of login; this is the phone number. */
    private static BusinessRuleViolation unavailable() {
        return new BusinessRuleViolation(ErrorCode.WECHAT_UNAVAILABLE,
                "WeChat cannot give the phone number right now; please try again.");
    }
}
