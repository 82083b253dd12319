package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.command.identity.WeChatEndpoint;
import com.yihuiliao.command.payment.wechatpay.WeChatPayEndpoint;
import com.yihuiliao.storage.OssEndpoint;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prod profile: the jar carries the sandboxes module, yet even with every sandbox flag set none of its
 * beans exists, the real clients get no sandbox endpoint, and /sandbox/** and /bench/** answer 404.
 */
class ProdProfileIT {

    @Test
    void inTheProdProfileNoSandboxExistsAndTheirPathsAre404() {
        Map<String, String> props = new LinkedHashMap<>(TestEnvironment.freshDatabase("prod"));
        props.put("server.port", "0");
        // application-prod.yml takes these from the environment
        props.putIfAbsent("spring.datasource.username", "sa");
        props.putIfAbsent("spring.datasource.password", "");
        props.putIfAbsent("spring.data.redis.host", "127.0.0.1");
        props.put("yihuiliao.wechat.app-id", "wx-prod-app");
        props.put("yihuiliao.wechat.app-secret", "prod-secret");
        props.put("yihuiliao.standing.secret", "prod-standing-secret-of-at-least-32-bytes");
        // asked for all the same
        props.put("yihuiliao.wechat.sandbox", "true");
        props.put("yihuiliao.wechatpay.sandbox", "true");
        props.put("yihuiliao.oss.sandbox", "true");
        props.put("yihuiliao.bench.baseline", "true");
        props.put("spring.flyway.locations", "classpath:db/migration,classpath:db/bench");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YihuiliaoApplication.class)
                .profiles("prod")
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
            assertThat(Arrays.stream(app.getBeanDefinitionNames())
                    .map(name -> app.getBeanFactory().getType(name))
                    .filter(type -> type != null && type.getName().startsWith("com.yihuiliao.sandbox.")))
                    .isEmpty();
            assertThat(app.getBeanProvider(WeChatEndpoint.class).getIfAvailable()).isNull();
            assertThat(app.getBeanProvider(WeChatPayEndpoint.class).getIfAvailable()).isNull();
            assertThat(app.getBeanProvider(OssEndpoint.class).getIfAvailable()).isNull();

            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            assertThat(api.get("/sandbox/wechat/sns/jscode2session?appid=wx-prod-app&secret=prod-secret"
                    + "&js_code=alice:1&grant_type=authorization_code").status()).isEqualTo(404);
            assertThat(api.post("/sandbox/wechat/simulate/revoke-access-token", "{}").status()).isEqualTo(404);
            assertThat(api.post("/sandbox/wechatpay/simulate/pay", "{\"outTradeNo\":\"RG261124K3M9Q2XW7A\"}").status())
                    .isEqualTo(404);
            assertThat(api.post("/bench/baseline/schedules", "{\"capacity\":1}").status()).isEqualTo(404);
            assertThat(api.get("/bench/baseline/schedules/any").status()).isEqualTo(404);
        }
    }
}
