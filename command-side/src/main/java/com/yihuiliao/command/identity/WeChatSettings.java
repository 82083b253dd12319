package com.yihuiliao.command.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiBase  WeChat's API host (https://api.weixin.qq.com in production); blank means this
 *                 process's own sandbox at /sandbox/wechat
 * @param sandbox  serve the local stand-in for jscode2session, stable_token and getuserphonenumber (the
 *                 embedded default)
 */
@ConfigurationProperties("yihuiliao.wechat")
public record WeChatSettings(String apiBase, String appId, String appSecret,
                             @DefaultValue("3s") Duration timeout,
                             @DefaultValue("false") boolean sandbox) {

    /** WeChat's API host, or this process's own sandbox when none is configured. */
    static String apiBase(WeChatSettings settings, org.springframework.core.env.Environment environment) {
        if (settings.apiBase() != null && !settings.apiBase().isBlank()) {
            return settings.apiBase();
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/sandbox/wechat";
    }
}
