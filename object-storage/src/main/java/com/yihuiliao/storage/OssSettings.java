package com.yihuiliao.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Object storage settings ({@code yihuiliao.oss.*}). In production every value comes from the
 * environment and the secret is never committed.
 *
 * @param endpoint        the OSS endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com; blank with
 *                        {@code sandbox=true} means this process's own {@link OssSandbox}
 * @param bucket          the bucket invoices and other documents go to
 * @param accessKeyId     the RAM user's AccessKey id
 * @param accessKeySecret its AccessKey secret; in sandbox mode blank means one generated at start-up
 * @param maxErrorRetry   how often the SDK retries a failed request
 * @param sandbox         serve the local OSS stand-in when the endpoint is blank (the embedded default)
 */
@ConfigurationProperties("yihuiliao.oss")
public record OssSettings(String endpoint, @DefaultValue("yihuiliao") String bucket, String accessKeyId,
                          String accessKeySecret, @DefaultValue("3") int maxErrorRetry,
                          @DefaultValue("false") boolean sandbox) {

    boolean usesSandbox() {
        return sandbox && (endpoint == null || endpoint.isBlank());
    }
}
