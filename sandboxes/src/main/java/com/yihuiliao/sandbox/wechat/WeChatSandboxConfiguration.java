package com.yihuiliao.sandbox.wechat;

import com.yihuiliao.command.identity.WeChatEndpoint;
import com.yihuiliao.command.identity.WeChatSettings;
import com.yihuiliao.sandbox.LocalServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** The WeChat sandbox at /sandbox/wechat, and the endpoint that points the real clients at it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "yihuiliao.wechat.sandbox", havingValue = "true")
@EnableConfigurationProperties(WeChatSettings.class)
@Import(WeChatSandbox.class)
public class WeChatSandboxConfiguration {

    @Bean
    WeChatEndpoint weChatSandboxEndpoint(Environment environment) {
        return () -> LocalServer.url(environment) + WeChatSandbox.MOUNT;
    }
}
