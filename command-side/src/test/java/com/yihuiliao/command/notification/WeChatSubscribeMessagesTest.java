package com.yihuiliao.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.yihuiliao.command.identity.WeChatAccessToken;
import com.yihuiliao.command.identity.WeChatApi;
import com.yihuiliao.command.identity.WeChatSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subscribe-message client against a local HTTP server playing WeChat. */
class WeChatSubscribeMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> tokenAnswers = new ArrayList<>();
    private final List<String> sendAnswers = new ArrayList<>();
    private final List<String> sendQueries = new ArrayList<>();
    private final List<JsonNode> sendBodies = new ArrayList<>();
    private HttpServer weChat;
    private WeChatSubscribeMessages messages;

    @BeforeEach
    void start() throws IOException {
        weChat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        weChat.createContext("/cgi-bin/stable_token", exchange -> answer(exchange, tokenAnswers.remove(0)));
        weChat.createContext("/cgi-bin/message/subscribe/send", exchange -> {
            sendQueries.add(exchange.getRequestURI().getQuery());
            sendBodies.add(JSON.readTree(exchange.getRequestBody()));
            answer(exchange, sendAnswers.remove(0));
        });
        weChat.start();
        WeChatApi api = new WeChatApi(new WeChatSettings("http://127.0.0.1:" + weChat.getAddress().getPort(), "wx-app",
                "s3cret", Duration.ofSeconds(2)), Optional.empty());
        messages = new WeChatSubscribeMessages(api, new WeChatAccessToken(api),
                new NotificationSettings(Map.of(), "trial", "pages/messages/index", Duration.ofMinutes(5), 3, Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        weChat.stop(0);
    }

    private static void answer(HttpExchange exchange, String answer) throws IOException {
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Notifier.Result send() {
        return messages.send(new Notifier.Message("o-user", "tmpl-1", "pages/messages/index", Map.of("thing4", "明天就诊")));
    }

    @Test
    void postsTheMessageWithTheCachedTokenInWeChatsShape() {
        tokenAnswers.add("{\"access_token\":\"T1\",\"expires_in\":7200}");
        sendAnswers.add("{\"errcode\":0,\"errmsg\":\"ok\"}");
        sendAnswers.add("{\"errcode\":0,\"errmsg\":\"ok\"}");

        assertThat(send()).isEqualTo(new Notifier.Result(Notifier.Outcome.SENT, 0));
        assertThat(send().outcome()).isEqualTo(Notifier.Outcome.SENT);

        assertThat(sendQueries).containsExactly("access_token=T1", "access_token=T1"); // one token for both
        JsonNode body = sendBodies.get(0);
        assertThat(body.path("touser").asText()).isEqualTo("o-user");
        assertThat(body.path("template_id").asText()).isEqualTo("tmpl-1");
        assertThat(body.path("page").asText()).isEqualTo("pages/messages/index");
        assertThat(body.path("miniprogram_state").asText()).isEqualTo("trial");
        assertThat(body.path("data").path("thing4").path("value").asText()).isEqualTo("明天就诊");
    }

    @Test
    void aRevokedTokenIsRefreshedOnceAndARefusalIsFinal() {
        tokenAnswers.add("{\"access_token\":\"T1\",\"expires_in\":7200}");
        tokenAnswers.add("{\"access_token\":\"T2\",\"expires_in\":7200}");
        sendAnswers.add("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
        sendAnswers.add("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}");

        assertThat(send()).isEqualTo(new Notifier.Result(Notifier.Outcome.REFUSED, 43101));
        assertThat(sendQueries).containsExactly("access_token=T1", "access_token=T2");
    }

    @Test
    void busyOrUnreachableIsAFailureToRetry() {
        tokenAnswers.add("{\"access_token\":\"T1\",\"expires_in\":7200}");
        sendAnswers.add("{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        assertThat(send()).isEqualTo(new Notifier.Result(Notifier.Outcome.FAILED, -1));

        weChat.stop(0);
        assertThat(send().outcome()).isEqualTo(Notifier.Outcome.FAILED);
    }
}
