package com.yihuiliao.sandbox.wechatpay;

import com.yihuiliao.command.payment.wechatpay.WeChatPayEndpoint;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The sandbox's key material, generated at start-up and never written anywhere: the merchant's API key
 * pair (our side signs requests with the private key; the sandbox verifies with the public key) and
 * WeChat Pay's platform key pair (the sandbox signs answers and notifications; our side verifies with
 * the public key), their serial / id, and the APIv3 key notifications are encrypted with. Both the
 * sandbox and, through its {@link WeChatPayEndpoint}, our client use this one instance.
 */
public final class SandboxKeys {

    public static final String DEFAULT_MERCHANT_ID = "1900000001";

    private final String merchantId;
    private final KeyPair merchant;
    private final String merchantSerialNumber;
    private final KeyPair platform;
    private final String platformPublicKeyId;
    private final String apiV3Key;

    private SandboxKeys(String merchantId) {
        SecureRandom random = new SecureRandom();
        this.merchantId = merchantId == null || merchantId.isBlank() ? DEFAULT_MERCHANT_ID : merchantId;
        this.merchant = rsa(random);
        this.platform = rsa(random);
        this.merchantSerialNumber = hex(random, 20).toUpperCase();
        this.platformPublicKeyId = "PUB_KEY_ID_" + hex(random, 16).toUpperCase();
        this.apiV3Key = hex(random, 16); // 32 characters, as WeChat Pay's
    }

    /** Fresh keys for the given merchant id (blank: {@value #DEFAULT_MERCHANT_ID}). */
    public static SandboxKeys generate(String merchantId) {
        return new SandboxKeys(merchantId);
    }

    public String merchantId() {
        return merchantId;
    }

    public KeyPair merchant() {
        return merchant;
    }

    public String merchantSerialNumber() {
        return merchantSerialNumber;
    }

    public KeyPair platform() {
        return platform;
    }

    public String platformPublicKeyId() {
        return platformPublicKeyId;
    }

    public String apiV3Key() {
        return apiV3Key;
    }

    /** Our side's half, as the client takes it: the merchant's private key and the platform's public key. */
    public WeChatPayEndpoint.Keys endpointKeys() {
        return new WeChatPayEndpoint.Keys(merchantId, merchantSerialNumber, merchant.getPrivate(), platformPublicKeyId,
                platform.getPublic(), apiV3Key);
    }

    private static KeyPair rsa(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
