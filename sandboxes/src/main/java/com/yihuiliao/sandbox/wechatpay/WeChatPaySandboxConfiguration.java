package com.yihuiliao.sandbox.wechatpay;

import com.yihuiliao.command.payment.wechatpay.WeChatPayEndpoint;
import com.yihuiliao.command.payment.wechatpay.WeChatPaySettings;
import com.yihuiliao.sandbox.LocalServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The WeChat Pay sandbox at /sandbox/wechatpay and its keys, one instance shared by the sandbox and, through
 * the endpoint, the real client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "yihuiliao.wechatpay.sandbox", havingValue = "true")
@EnableConfigurationProperties(WeChatPaySettings.class)
@Import(WeChatPaySandboxController.class)
public class WeChatPaySandboxConfiguration {

    @Bean
    SandboxKeys weChatPaySandboxKeys(WeChatPaySettings settings) {
        return SandboxKeys.generate(settings.merchantId());
    }

    @Bean
    WeChatPayEndpoint weChatPaySandboxEndpoint(SandboxKeys keys, Environment environment) {
        return new WeChatPayEndpoint() {
            @Override
            public String apiBase() {
                return LocalServer.url(environment) + WeChatPaySandboxController.MOUNT;
            }

            @Override
            public Keys keys() {
                return keys.endpointKeys();
            }
        };
    }
}
