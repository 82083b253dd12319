package com.yihuiliao.storage;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link OssStorage} bean, shared by the command side (uploads) and the query side (download
 * links). With {@code yihuiliao.oss.sandbox=true} and a blank endpoint (the embedded default) an
 * {@link OssSandbox} is started on a free port of 127.0.0.1 and the real SDK is pointed at it; its access
 * key is generated at start-up unless one is configured. Every node signs for its own sandbox, and all
 * of them keep objects under {@code ${yihuiliao.data-dir}/oss}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OssSettings.class)
public class ObjectStorageConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("${yihuiliao.oss.sandbox:false} and '${yihuiliao.oss.endpoint:}'.isBlank()")
    OssSandbox ossSandbox(OssSettings settings, @Value("${yihuiliao.data-dir:./data}") String dataDir) {
        String keyId = blank(settings.accessKeyId()) ? "SANDBOX" + random(8) : settings.accessKeyId();
        String secret = blank(settings.accessKeySecret()) ? random(20) : settings.accessKeySecret();
        return new OssSandbox(Path.of(dataDir, "oss"), settings.bucket(), keyId, secret, Clock.systemUTC()).start();
    }

    @Bean(destroyMethod = "close")
    AliyunOssStorage ossStorage(OssSettings settings, ObjectProvider<OssSandbox> sandbox) {
        return new AliyunOssStorage(() -> {
            OssSandbox local = settings.usesSandbox() ? sandbox.getIfAvailable() : null;
            if (local != null) {
                return new AliyunOssStorage.Connection(local.endpoint(), local.bucket(), local.accessKeyId(),
                        local.accessKeySecret(), 0);
            }
            return new AliyunOssStorage.Connection(settings.endpoint(), settings.bucket(), settings.accessKeyId(),
                    settings.accessKeySecret(), settings.maxErrorRetry());
        }, Clock.systemUTC());
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
