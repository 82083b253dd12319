package com.yihuiliao.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The jscode2session client against a local HTTP server playing WeChat, and against no server at all. */
class WeChatLoginTest {

    private final List<String> answers = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private HttpServer weChat;

    private WeChatLogin clientOf(String apiBase) {
        return new WeChatLogin(new WeChatSettings(apiBase, "wx-app", "s3cret", Duration.ofSeconds(2)),
                Optional.empty());
    }

    private String startWeChat() throws IOException {
        weChat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        weChat.createContext("/sns/jscode2session", exchange -> {
            queries.add(exchange.getRequestURI().getQuery());
            byte[] body = answers.remove(0).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain"); // as WeChat sometimes labels it
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        weChat.start();
        return "http://127.0.0.1:" + weChat.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (weChat != null) {
            weChat.stop(0);
        }
    }

    @Test
    void exchangesTheCodeForTheOpenidAndSendsTheAppCredentials() throws IOException {
        answers.add("{\"openid\":\"o123\",\"session_key\":\"secret-session\",\"unionid\":\"u9\"}");
        WeChatLogin.Session session = clientOf(startWeChat()).exchange("the-code");
        assertThat(session.openid()).isEqualTo("o123");
        assertThat(session.unionid()).isEqualTo("u9");
        assertThat(session.toString()).doesNotContain("secret-session");
        assertThat(queries.get(0)).contains("appid=wx-app", "secret=s3cret", "js_code=the-code",
                "grant_type=authorization_code");
    }

    @Test
    void retriesOnceWhenWeChatIsBusy() throws IOException {
        answers.add("{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        answers.add("{\"openid\":\"o456\",\"session_key\":\"k\"}");
        assertThat(clientOf(startWeChat()).exchange("c").openid()).isEqualTo("o456");
        assertThat(queries).hasSize(2);
    }

    @Test
    void mapsWeChatErrorsToOurCodes() throws IOException {
        String base = startWeChat();
        assertCode(base, "{\"errcode\":40029,\"errmsg\":\"invalid code\"}", ErrorCode.WECHAT_CODE_INVALID);
        assertCode(base, "{\"errcode\":40163,\"errmsg\":\"code been used\"}", ErrorCode.WECHAT_CODE_INVALID);
        assertCode(base, "{\"errcode\":45011,\"errmsg\":\"freq limit\"}", ErrorCode.TOO_MANY_REQUESTS);
        assertCode(base, "{\"errcode\":40226,\"errmsg\":\"high risk\"}", ErrorCode.WECHAT_USER_BLOCKED);
    }

    private void assertCode(String base, String answer, ErrorCode code) {
        answers.add(answer);
        assertThatThrownBy(() -> clientOf(base).exchange("c"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void anUnreachableWeChatIsServiceUnavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> clientOf("http://127.0.0.1:" + closed).exchange("c"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WECHAT_UNAVAILABLE));
    }
}
