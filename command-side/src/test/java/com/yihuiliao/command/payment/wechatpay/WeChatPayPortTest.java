package com.yihuiliao.command.payment.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The SDK stays behind the port: only the adapter names {@code com.wechat.pay}, imported or in full. */
class WeChatPayPortTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path ADAPTER = SOURCES.resolve(
            Path.of("com", "yihuiliao", "command", "payment", "wechatpay", "WeChatPayClient.java"));

    @Test
    void onlyTheAdapterSeesTheSdk() throws IOException {
        List<Path> seeing;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            seeing = files.filter(f -> f.toString().endsWith(".java")).filter(WeChatPayPortTest::namesTheSdk).toList();
        }
        assertThat(seeing).as("the scan finds the adapter, so it reads the right sources").containsExactly(ADAPTER);
    }

    private static boolean namesTheSdk(Path file) {
        try {
            return Files.readString(file).contains("com.wechat.pay");
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
