package com.yihuiliao.command.identity;

/**
 * WeChat's API host supplied by a bean instead of the settings: the sandboxes module's stand-in in the
 * embedded default. Asked on every call, since the port this process listens on is known only once it runs.
 */
@FunctionalInterface
public interface WeChatEndpoint {

    /** e.g. http://127.0.0.1:8080/sandbox/wechat */
    String apiBase();
}
