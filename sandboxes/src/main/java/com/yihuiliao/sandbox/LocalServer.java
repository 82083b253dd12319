package com.yihuiliao.sandbox;

import org.springframework.core.env.Environment;

/** This process's own HTTP address, where the sandboxes served by its web server listen. */
public final class LocalServer {

    private LocalServer() {
    }

    /** Known once the web server runs, so ask when calling, not when wiring. */
    public static String url(Environment environment) {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    }
}
