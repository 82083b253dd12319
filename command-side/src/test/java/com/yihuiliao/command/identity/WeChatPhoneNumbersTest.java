package com.yihuiliao.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The getuserphonenumber client against a local HTTP server playing WeChat. */
class WeChatPhoneNumbersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> tokenAnswers = new ArrayList<>();
    private final List<String> phoneAnswers = new ArrayList<>();
    private final List<JsonNode> tokenRequests = new ArrayList<>();
    private final List<String> phoneRequests = new ArrayList<>();
    private HttpServer weChat;
    private Instant now = Instant.parse("2026-06-01T00:00:00Z");

    private WeChatPhoneNumbers clientOf(String apiBase) {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new WeChatPhoneNumbers(new WeChatSettings(apiBase, "wx-app", "s3cret", Duration.ofSeconds(2)),
                Optional.empty(), clock);
    }

    private String startWeChat() throws IOException {
        weChat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        weChat.createContext("/cgi-bin/stable_token", exchange -> {
            tokenRequests.add(JSON.readTree(exchange.getRequestBody()));
            answer(exchange, tokenAnswers.remove(0));
        });
        weChat.createContext("/wxa/business/getuserphonenumber", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            phoneRequests.add(exchange.getRequestURI().getQuery() + " " + body.path("code").asText());
            answer(exchange, phoneAnswers.remove(0));
        });
        weChat.start();
        return "http://127.0.0.1:" + weChat.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, String answer) throws IOException {
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        if (weChat != null) {
            weChat.stop(0);
        }
    }

    private static String token(String value) {
        return "{\"access_token\":\"" + value + "\",\"expires_in\":7200}";
    }

    private static String phone(String number, String appId) {
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"+86" + number + "\",\"purePhoneNumber\":\""
                + number + "\",\"countryCode\":\"86\",\"watermark\":{\"timestamp\":1780000000,\"appid\":\"" + appId + "\"}}}";
    }

    @Test
    void exchangesTheCodeWithTheAccessTokenAndKeepsTheTokenUntilShortlyBeforeItExpires() throws IOException {
        WeChatPhoneNumbers client = clientOf(startWeChat());
        tokenAnswers.add(token("AT1"));
        phoneAnswers.add(phone("13812345678", "wx-app"));
        WeChatPhoneNumbers.PhoneNumber number = client.exchange("code-1");
        assertThat(number.number()).isEqualTo("13812345678");
        assertThat(number.toString()).isEqualTo("138****5678");
        assertThat(tokenRequests.get(0).path("appid").asText()).isEqualTo("wx-app");
        assertThat(tokenRequests.get(0).path("secret").asText()).isEqualTo("s3cret");
        assertThat(tokenRequests.get(0).path("grant_type").asText()).isEqualTo("client_credential");
        assertThat(phoneRequests.get(0)).isEqualTo("access_token=AT1 code-1");

        now = now.plus(Duration.ofMinutes(110)); // 10 minutes left: still used
        phoneAnswers.add(phone("13900000000", "wx-app"));
        client.exchange("code-2");
        assertThat(tokenRequests).hasSize(1);

        now = now.plus(Duration.ofMinutes(6)); // 4 minutes left: a new one first
        tokenAnswers.add(token("AT2"));
        phoneAnswers.add(phone("13900000001", "wx-app"));
        client.exchange("code-3");
        assertThat(tokenRequests).hasSize(2);
        assertThat(phoneRequests.get(2)).startsWith("access_token=AT2 ");
    }

    @Test
    void aTokenWeChatRefusesIsForceRefreshedOnce() throws IOException {
        WeChatPhoneNumbers client = clientOf(startWeChat());
        tokenAnswers.add(token("AT1"));
        tokenAnswers.add(token("AT2"));
        phoneAnswers.add("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
        phoneAnswers.add(phone("13812345678", "wx-app"));
        assertThat(client.exchange("c").number()).isEqualTo("13812345678");
        assertThat(tokenRequests.get(1).path("force_refresh").asBoolean()).isTrue();
        assertThat(phoneRequests.get(1)).startsWith("access_token=AT2 ");
    }

    @Test
    void retriesOnceWhenWeChatIsBusy() throws IOException {
        WeChatPhoneNumbers client = clientOf(startWeChat());
        tokenAnswers.add(token("AT1"));
        phoneAnswers.add("{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        phoneAnswers.add(phone("13812345678", "wx-app"));
        assertThat(client.exchange("c").number()).isEqualTo("13812345678");
        assertThat(phoneRequests).hasSize(2);
    }

    @Test
    void refusesInvalidCodesForeignWatermarksAndABrokenConfiguration() throws IOException {
        WeChatPhoneNumbers client = clientOf(startWeChat());
        tokenAnswers.add(token("AT1"));
        phoneAnswers.add("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
        assertCode(() -> client.exchange("c"), ErrorCode.WECHAT_PHONE_CODE_INVALID);
        phoneAnswers.add(phone("13812345678", "wx-another-app"));
        assertCode(() -> client.exchange("c"), ErrorCode.WECHAT_PHONE_CODE_INVALID);
        phoneAnswers.add("{\"errcode\":-1,\"errmsg\":\"busy\"}");
        phoneAnswers.add("{\"errcode\":-1,\"errmsg\":\"busy\"}");
        assertCode(() -> client.exchange("c"), ErrorCode.WECHAT_UNAVAILABLE);

        WeChatPhoneNumbers misconfigured = clientOf("http://127.0.0.1:" + weChat.getAddress().getPort());
        tokenAnswers.add("{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
        assertCode(() -> misconfigured.exchange("c"), ErrorCode.WECHAT_UNAVAILABLE);
    }

    @Test
    void anUnreachableWeChatIsServiceUnavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertCode(() -> clientOf("http://127.0.0.1:" + closed).exchange("c"), ErrorCode.WECHAT_UNAVAILABLE);
    }

    private static void assertCode(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
