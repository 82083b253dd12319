package com.yihuiliao.sandbox.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The Spring adapter: mount path stripped before the signature check, answers signed, test hooks. */
class WeChatPaySandboxControllerTest {

    private final SandboxKeys keys = SandboxKeys.generate(null);
    private final WeChatPaySandboxController controller = new WeChatPaySandboxController(keys);

    @Test
    void anUnsignedCallIsRefusedWithASignedWeChatPayError() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/sandbox/wechatpay/v3/pay/transactions/out-trade-no/YHL000001");
        request.setQueryString("mchid=" + keys.merchantId());

        ResponseEntity<byte[]> answer = controller.api(request, null);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(answer.getHeaders().getFirst("Wechatpay-Serial")).isEqualTo(keys.platformPublicKeyId());
        assertThat(answer.getHeaders().getFirst("Wechatpay-Signature")).isNotBlank();
        JsonNode body = new ObjectMapper().readTree(answer.getBody());
        assertThat(body.path("code").asText()).isEqualTo("SIGN_ERROR");
        assertThat(keys.merchantId()).isEqualTo(SandboxKeys.DEFAULT_MERCHANT_ID);
    }

    @Test
    void simulatingPaymentOfAnUnknownOrderIsOrderNotExist() {
        var answer = controller.simulatePay(new WeChatPaySandboxController.SimulatePay("NO-SUCH-ORDER", null));

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).containsEntry("code", "ORDER_NOT_EXIST");
    }
}
