package com.yihuiliao.storage;

/**
 * Where OSS is and as whom, supplied by a bean instead of the settings: the sandboxes module's local
 * OSS in the embedded default (only while no endpoint is configured).
 */
@FunctionalInterface
public interface OssEndpoint {

    AliyunOssStorage.Connection connection();
}
