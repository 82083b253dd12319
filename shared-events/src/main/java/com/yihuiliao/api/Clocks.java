package com.yihuiliao.api;

import java.time.ZoneId;

/** Business dates and times are those of the hospital: Asia/Shanghai. */
public final class Clocks {
    public static final ZoneId HOSPITAL_ZONE = ZoneId.of("Asia/Shanghai");

    private Clocks() {
    }
}
