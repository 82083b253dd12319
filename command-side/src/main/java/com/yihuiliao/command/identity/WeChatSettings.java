package com.yihuiliao.command.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiBase  WeChat's API host (https://api.weixin.qq.com in production); blank means this
 *                 process's own sandbox at /sandbox/wechat
 * @param sandbox  serve the local jscode2session stand-in (the embedded default)
 */
@ConfigurationProperties("yihuiliao.wechat")
public record WeChatSettings(String apiBase, String appId, String appSecret,
                             @DefaultValue("3s") Duration timeout,
                             @DefaultValue("false") boolean sandbox) {
}
