package com.yihuiliao.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Object storage settings ({@code yihuiliao.oss.*}). In production every value comes from the
 * environment and the secret is never committed.
 *
 * @param endpoint        the OSS endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com; blank (the embedded
 *                        default) leaves it to an {@link OssEndpoint} bean, the sandbox's
 * @param bucket          the bucket invoices and other documents go to
 * @param accessKeyId     the RAM user's AccessKey id
 * @param accessKeySecret its AccessKey secret
 * @param maxErrorRetry   how often the SDK retries a failed request
 */
@ConfigurationProperties("yihuiliao.oss")
public record OssSettings(String endpoint, @DefaultValue("yihuiliao") String bucket, String accessKeyId,
                          String accessKeySecret, @DefaultValue("3") int maxErrorRetry) {
}
