package com.yihuiliao.sandbox.wechatpay;

import com.yihuiliao.command.payment.wechatpay.WeChatPayEndpoint;
import com.yihuiliao.command.payment.wechatpay.WeChatPaySettings;
import com.yihuiliao.sandbox.LocalServer;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
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

    /**
     * The sandbox itself, a bean so tests can write into its ledger. {@code refund-interval}: WeChat Pay's minute
     * between two refund requests on one order; tests shorten it. Parsed here (60s or PT1M), since a context
     * without Spring Boot's conversion service (an ApplicationContextRunner) cannot turn text into a Duration.
     */
    @Bean
    WeChatPaySandbox weChatPaySandbox(SandboxKeys keys,
                                      @Value("${yihuiliao.wechatpay.sandbox-refund-interval:PT1M}") String refundInterval) {
        return new WeChatPaySandbox(keys, Clock.systemUTC(), DurationStyle.detectAndParse(refundInterval));
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
