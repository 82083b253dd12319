package com.yihuiliao.storage;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link OssStorage} bean, shared by the command side (uploads) and the query side (download
 * links): the settings' endpoint and keys, or those of an {@link OssEndpoint} bean when there is one
 * (the embedded default's sandbox).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OssSettings.class)
public class ObjectStorageConfiguration {

    @Bean(destroyMethod = "close")
    AliyunOssStorage ossStorage(OssSettings settings, ObjectProvider<OssEndpoint> endpoint) {
        return new AliyunOssStorage(() -> {
            OssEndpoint supplied = endpoint.getIfAvailable();
            if (supplied != null) {
                return supplied.connection();
            }
            return new AliyunOssStorage.Connection(settings.endpoint(), settings.bucket(), settings.accessKeyId(),
                    settings.accessKeySecret(), settings.maxErrorRetry());
        }, Clock.systemUTC());
    }
}
