package com.yihuiliao.command.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.command.identity.WeChatAccessToken;
import com.yihuiliao.command.identity.WeChatApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link Notifier} over WeChat's subscribe message API ({@code POST /cgi-bin/message/subscribe/send}), with the
 * mini-program's cached access token; a token WeChat refuses is force-refreshed once.
 */
@Component
class WeChatSubscribeMessages implements Notifier {

    static final int USER_REFUSED = 43101;
    private static final Logger log = LoggerFactory.getLogger(WeChatSubscribeMessages.class);

    private final WeChatApi api;
    private final WeChatAccessToken accessToken;
    private final NotificationSettings settings;

    WeChatSubscribeMessages(WeChatApi api, WeChatAccessToken accessToken, NotificationSettings settings) {
        this.api = api;
        this.accessToken = accessToken;
        this.settings = settings;
    }

    @Override
    public Result send(Message message) {
        Map<String, Object> data = new LinkedHashMap<>();
        message.data().forEach((key, value) -> data.put(key, Map.of("value", value)));
        Map<String, Object> body = Map.of("touser", message.openid(), "template_id", message.templateId(),
                "page", message.page(), "data", data, "miniprogram_state", settings.miniprogramState(), "lang", "zh_CN");
        try {
            JsonNode answer = post(accessToken.get(false), body);
            if (WeChatAccessToken.refused(answer)) {
                answer = post(accessToken.get(true), body);
            }
            int errcode = answer.path("errcode").asInt(0);
            if (errcode == 0) {
                return new Result(Outcome.SENT, 0);
            }
            log.info("subscribeMessage.send refused a message: errcode {}", errcode);
            return new Result(errcode == USER_REFUSED ? Outcome.REFUSED : Outcome.FAILED, errcode);
        } catch (WeChatApi.Unreachable e) {
            return new Result(Outcome.FAILED, -1);
        }
    }

    private JsonNode post(String token, Map<String, Object> body) {
        return api.post("/cgi-bin/message/subscribe/send?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), body);
    }
}
