package com.yihuiliao.sandbox.oss;

import com.yihuiliao.storage.AliyunOssStorage;
import com.yihuiliao.storage.OssEndpoint;
import com.yihuiliao.storage.OssSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code yihuiliao.oss.sandbox=true} and a blank endpoint: an {@link OssSandbox} on a free port of
 * 127.0.0.1, and the endpoint that points the real SDK at it; its access key is generated at start-up unless one
 * is configured. Every node signs for its own sandbox, and all of them keep objects under
 * {@code ${yihuiliao.data-dir}/oss}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${yihuiliao.oss.sandbox:false} and '${yihuiliao.oss.endpoint:}'.isBlank()")
@EnableConfigurationProperties(OssSettings.class)
public class OssSandboxConfiguration {

    @Bean(destroyMethod = "close")
    OssSandbox ossSandbox(OssSettings settings, @Value("${yihuiliao.data-dir:./data}") String dataDir) {
        String keyId = blank(settings.accessKeyId()) ? "SANDBOX" + random(8) : settings.accessKeyId();
        String secret = blank(settings.accessKeySecret()) ? random(20) : settings.accessKeySecret();
        return new OssSandbox(Path.of(dataDir, "oss"), settings.bucket(), keyId, secret, Clock.systemUTC()).start();
    }

    @Bean
    OssEndpoint ossSandboxEndpoint(OssSandbox sandbox) {
        return () -> new AliyunOssStorage.Connection(sandbox.endpoint(), sandbox.bucket(), sandbox.accessKeyId(),
                sandbox.accessKeySecret(), 0);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
