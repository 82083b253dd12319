package com.yihuiliao.command.payment.wechatpay;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sends the SDK's requests (always to https://api.mch.weixin.qq.com) to another base URL: scheme,
 * host and port are replaced and the base URL's path, if any, is put in front of the request's.
 * Safe for the signature, which the SDK computes before this runs over the original path and query.
 */
final class BaseUrlInterceptor implements Interceptor {

    private final HttpUrl base;
    private final String basePath;

    BaseUrlInterceptor(String baseUrl) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
        String path = parsed.encodedPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl original = chain.request().url();
        HttpUrl target = original.newBuilder()
                .scheme(base.scheme())
                .host(base.host())
                .port(base.port())
                .encodedPath(basePath + original.encodedPath())
                .build();
        return chain.proceed(chain.request().newBuilder().url(target).build());
    }
}
