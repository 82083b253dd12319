package com.yihuiliao.sandbox;

import com.yihuiliao.sandbox.bench.BaselineBookingController;
import com.yihuiliao.sandbox.oss.OssSandboxConfiguration;
import com.yihuiliao.sandbox.wechat.WeChatSandboxConfiguration;
import com.yihuiliao.sandbox.wechatpay.WeChatPaySandboxConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The stand-ins of the embedded default and the tests, each on by its own flag ({@code yihuiliao.wechat.sandbox},
 * {@code yihuiliao.wechatpay.sandbox}, {@code yihuiliao.oss.sandbox}, {@code yihuiliao.bench.baseline}). Never in
 * the prod profile, whatever the flags say: production jars carry this module, so the profile alone keeps its
 * beans out and lets /sandbox/** and /bench/** answer 404.
 */
@AutoConfiguration
@Profile("!prod")
@Import({WeChatSandboxConfiguration.class, WeChatPaySandboxConfiguration.class, OssSandboxConfiguration.class,
        BaselineBookingController.class})
public class SandboxesAutoConfiguration {
}
