package com.yihuiliao.sandbox.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayClient;
import com.yihuiliao.command.payment.wechatpay.WeChatPaySettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Bean wiring only (no server): the sandbox and its keys load only when asked for; the client always. */
class WeChatPayWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WeChatPaySettings.class)
    @Import({WeChatPayClient.class, WeChatPaySandboxConfiguration.class})
    static class Beans {
    }

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withUserConfiguration(Beans.class);

    @Test
    void withoutSettingsTheClientLoadsAndSaysWhatIsMissingOnFirstUse() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(WeChatPay.class)
                    .doesNotHaveBean(SandboxKeys.class).doesNotHaveBean(WeChatPaySandboxController.class);
            assertThatThrownBy(() -> context.getBean(WeChatPay.class).queryByOutTradeNo("YHL000001"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("yihuiliao.wechatpay.app-id");
        });
    }

    @Test
    void inSandboxModeTheSandboxAndItsKeysLoad() {
        runner.withPropertyValues("yihuiliao.wechatpay.sandbox=true", "yihuiliao.wechatpay.app-id=wx-sandbox",
                        "yihuiliao.wechatpay.notify-url=http://127.0.0.1:8080/notify")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(WeChatPay.class)
                        .hasSingleBean(SandboxKeys.class).hasSingleBean(WeChatPaySandboxController.class));
    }
}
