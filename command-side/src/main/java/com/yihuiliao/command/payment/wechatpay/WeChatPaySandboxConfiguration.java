package com.yihuiliao.command.payment.wechatpay;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sandbox's keys, one instance shared by the sandbox and the client (embedded default only). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "yihuiliao.wechatpay.sandbox", havingValue = "true")
class WeChatPaySandboxConfiguration {

    @Bean
    SandboxKeys weChatPaySandboxKeys(WeChatPaySettings settings) {
        return SandboxKeys.generate(settings.merchantId());
    }
}
