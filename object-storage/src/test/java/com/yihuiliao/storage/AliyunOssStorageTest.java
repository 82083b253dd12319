package com.yihuiliao.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client without a server; against one (the sandbox) in the sandboxes module's OssSandboxTest. */
class AliyunOssStorageTest {

    static final byte[] PDF = "%PDF-1.7 sandbox object".getBytes(StandardCharsets.US_ASCII);
    static final String KEY = "invoices/2026/11/24/YHL2026112400000001.pdf";

    @Test
    void withoutSettingsTheFirstUseSaysWhatIsMissing() {
        AliyunOssStorage unconfigured = new AliyunOssStorage(new AliyunOssStorage.Connection("", "b", "", "", 0));

        assertThatThrownBy(() -> unconfigured.put(KEY, PDF, "application/pdf"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("yihuiliao.oss.endpoint");
    }
}
