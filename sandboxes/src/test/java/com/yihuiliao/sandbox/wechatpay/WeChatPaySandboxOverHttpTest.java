package com.yihuiliao.sandbox.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Import;

/**
 * The embedded default for real: Tomcat serving the sandbox controller, and the client bean finding it
 * through local.server.port (blank api-base). A minimal context of our beans and Spring MVC only.
 */
class WeChatPaySandboxOverHttpTest {

    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import(RefundNotifyEndpoint.class)
    static class App extends WeChatPayWiringTest.Beans {
    }

    /** A relative notify URL resolves to this process: the refund notification lands here. */
    @RestController
    static class RefundNotifyEndpoint {
        static final BlockingQueue<Map<String, String>> headers = new LinkedBlockingQueue<>();
        static final BlockingQueue<byte[]> bodies = new LinkedBlockingQueue<>();

        @PostMapping("/test/refund-notify")
        ResponseEntity<Void> receive(@RequestHeader HttpHeaders h, @RequestBody byte[] body) {
            headers.add(h.toSingleValueMap());
            bodies.add(body);
            return ResponseEntity.noContent().build();
        }
    }

    private static HttpResponse<String> post(String port, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theClientPaysThroughTheSandboxServedByTomcat() throws Exception {
        BlockingQueue<Map<String, String>> headersReceived = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> bodiesReceived = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/notify", exchange -> {
            try (exchange) {
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                bodiesReceived.add(exchange.getRequestBody().readAllBytes());
                headersReceived.add(headers);
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "yihuiliao.wechatpay.sandbox=true", "yihuiliao.wechatpay.app-id=wx-sandbox",
                        "yihuiliao.wechatpay.notify-url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify",
                        "yihuiliao.wechatpay.refund-notify-url=/test/refund-notify")
                .run()) {
            WeChatPay weChatPay = context.getBean(WeChatPay.class);
            String port = context.getEnvironment().getProperty("local.server.port");
            String tradeNo = "YHL" + System.nanoTime();

            WeChatPay.RequestPayment payment = weChatPay.prepay(tradeNo, "心内科 普通号", 2500, "o-openid-1", null);
            assertThat(payment.appId()).isEqualTo("wx-sandbox");
            assertThatThrownBy(() -> weChatPay.closeOrder(tradeNo + "X"))
                    .isInstanceOfSatisfying(WeChatPayException.class, e -> assertThat(e.code()).isEqualTo("ORDER_NOT_EXIST"));

            HttpResponse<String> simulated = post(port, "/sandbox/wechatpay/simulate/pay", "{\"outTradeNo\":\"" + tradeNo + "\"}");
            assertThat(simulated.statusCode()).isEqualTo(200);
            assertThat(simulated.body()).contains("\"notifyStatus\":200");
            byte[] body = bodiesReceived.poll(5, TimeUnit.SECONDS);
            WeChatPay.Trade notified = weChatPay.parsePaymentNotification(headersReceived.poll(5, TimeUnit.SECONDS), body);
            assertThat(notified.outTradeNo()).isEqualTo(tradeNo);
            assertThat(notified.amountFen()).isEqualTo(2500);
            assertThat(weChatPay.queryByOutTradeNo(tradeNo).state()).isEqualTo(WeChatPay.TradeState.SUCCESS);

            weChatPay.refund(tradeNo, "R" + tradeNo, 2500, 2500, "停诊");
            assertThat(post(port, "/sandbox/wechatpay/simulate/refund", "{\"outRefundNo\":\"R" + tradeNo + "\"}")
                    .statusCode()).isEqualTo(200);
            byte[] refundBody = RefundNotifyEndpoint.bodies.poll(5, TimeUnit.SECONDS);
            WeChatPay.Refund refunded = weChatPay.parseRefundNotification(
                    RefundNotifyEndpoint.headers.poll(5, TimeUnit.SECONDS), refundBody);
            assertThat(refunded.status()).isEqualTo(WeChatPay.RefundStatus.SUCCESS);
            assertThat(refunded.refundFen()).isEqualTo(2500L);
        } finally {
            receiver.stop(0);
        }
    }
}
