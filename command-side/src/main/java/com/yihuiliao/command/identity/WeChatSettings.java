package com.yihuiliao.command.identity;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiBase  WeChat's API host (https://api.weixin.qq.com in production); blank means the
 *                 {@link WeChatEndpoint} a bean supplies (the embedded default's sandbox), else WeChat's own
 */
@ConfigurationProperties("yihuiliao.wechat")
public record WeChatSettings(String apiBase, String appId, String appSecret,
                             @DefaultValue("3s") Duration timeout) {

    static final String DEFAULT_API_BASE = "https://api.weixin.qq.com";

    /** WeChat's API host: the configured one, else the supplied endpoint's, else WeChat's own. */
    static String apiBase(WeChatSettings settings, Optional<WeChatEndpoint> endpoint) {
        if (settings.apiBase() != null && !settings.apiBase().isBlank()) {
            return settings.apiBase();
        }
        return endpoint.map(WeChatEndpoint::apiBase).orElse(DEFAULT_API_BASE);
    }
}
