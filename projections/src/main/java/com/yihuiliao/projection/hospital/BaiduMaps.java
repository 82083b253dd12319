package com.yihuiliao.projection.hospital;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Baidu Maps' URI API (web): the marker link {@code http://api.map.baidu.com/marker?location=lat,lng&title=…
 * &content=…&output=html&src=…} shows the place on Baidu Maps (the app when installed, the web page otherwise), from
 * where the user asks for a route. The marker rather than the direction link, because it needs no origin: the
 * mini-program does not have to ask for the user's location. Our coordinates are GCJ-02, said with
 * {@code coord_type=gcj02} (Baidu's own are BD-09).
 */
final class BaiduMaps {

    /** Baidu asks every caller to name itself as webapp.company.app. */
    static final String SOURCE = "webapp.yihuiliao.miniprogram";

    private BaiduMaps() {
    }

    static String markerUrl(double latitude, double longitude, String title, String content) {
        return "http://api.map.baidu.com/marker?location=" + String.format(Locale.ROOT, "%.6f,%.6f", latitude, longitude)
                + "&title=" + encode(title) + "&content=" + encode(content)
                + "&coord_type=gcj02&output=html&src=" + encode(SOURCE);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
