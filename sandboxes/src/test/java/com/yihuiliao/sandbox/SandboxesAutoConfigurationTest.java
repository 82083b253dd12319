package com.yihuiliao.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.command.identity.WeChatEndpoint;
import com.yihuiliao.command.payment.wechatpay.WeChatPayEndpoint;
import com.yihuiliao.sandbox.bench.BaselineBookingController;
import com.yihuiliao.sandbox.oss.OssSandbox;
import com.yihuiliao.sandbox.wechatpay.SandboxKeys;
import com.yihuiliao.storage.OssEndpoint;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Bean wiring only: each sandbox by its own flag, and none of them in the prod profile whatever the flags say. */
class SandboxesAutoConfigurationTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SandboxesAutoConfiguration.class))
                .withBean(JdbcTemplate.class, () -> new JdbcTemplate(new DriverManagerDataSource()))
                .withPropertyValues("yihuiliao.data-dir=" + dataDir, "yihuiliao.wechat.app-id=wx-sandbox-app",
                        "yihuiliao.wechat.app-secret=sandbox-secret");
    }

    private ApplicationContextRunner allOn() {
        return runner().withPropertyValues("yihuiliao.wechat.sandbox=true", "yihuiliao.wechatpay.sandbox=true",
                "yihuiliao.oss.sandbox=true", "yihuiliao.bench.baseline=true");
    }

    @Test
    void eachFlagTurnsItsSandboxOnAndFillsInTheClientsEndpoints() {
        allOn().run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(WeChatEndpoint.class)
                .hasSingleBean(SandboxKeys.class).hasSingleBean(WeChatPayEndpoint.class)
                .hasSingleBean(OssSandbox.class).hasSingleBean(OssEndpoint.class)
                .hasSingleBean(BaselineBookingController.class));
        runner().withPropertyValues("yihuiliao.wechatpay.sandbox=true").run(context -> assertThat(context)
                .hasNotFailed().hasSingleBean(WeChatPayEndpoint.class)
                .doesNotHaveBean(WeChatEndpoint.class).doesNotHaveBean(OssSandbox.class)
                .doesNotHaveBean(BaselineBookingController.class));
    }

    @Test
    void aConfiguredOssEndpointLeavesTheOssSandboxOff() {
        allOn().withPropertyValues("yihuiliao.oss.endpoint=https://oss-cn-hangzhou.aliyuncs.com")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(OssSandbox.class).doesNotHaveBean(OssEndpoint.class));
    }

    @Test
    void withoutFlagsNoSandboxLoads() {
        runner().run(context -> assertThat(sandboxBeans(context)).containsExactly(
                SandboxesAutoConfiguration.class.getName()));
    }

    @Test
    void inTheProdProfileNoSandboxLoadsWhateverTheFlagsSay() {
        allOn().withPropertyValues("spring.profiles.active=prod").run(context -> {
            assertThat(context).hasNotFailed()
                    .doesNotHaveBean(WeChatEndpoint.class).doesNotHaveBean(WeChatPayEndpoint.class)
                    .doesNotHaveBean(OssEndpoint.class);
            assertThat(sandboxBeans(context)).isEmpty();
        });
    }

    /** Every bean whose class is this module's, the auto-configuration itself included. */
    private static String[] sandboxBeans(AssertableApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> {
                    Class<?> type = context.getType(name);
                    return type != null && type.getName().startsWith("com.yihuiliao.sandbox.");
                })
                .toArray(String[]::new);
    }
}
