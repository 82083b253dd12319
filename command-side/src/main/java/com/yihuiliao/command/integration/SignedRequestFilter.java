package com.yihuiliao.command.integration;

import com.yihuiliao.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one check of the integration API ({@code /api/integration/**}): every request is signed by a configured
 * machine client with HMAC-SHA256 over
 * <pre>METHOD \n path[?query] \n timestamp \n nonce \n hex(SHA-256(body))</pre>
 * sent as {@code X-Yhl-Client}, {@code X-Yhl-Timestamp} (epoch seconds), {@code X-Yhl-Nonce} (16–64 of
 * {@code [A-Za-z0-9_-]}) and {@code X-Yhl-Signature} (base64). The timestamp must be within the window of our
 * clock and the nonce new: it is kept in Redis (SET NX) for twice the window, so a captured request cannot be
 * sent again while its timestamp would pass. A verified request is authenticated as its
 * {@link IntegrationClient} with role {@link IntegrationClient#ROLE}; any other is left unauthenticated with
 * the reason in the request attribute {@link #REFUSAL}, so the security chain answers 401 with that code and
 * no handler runs. Redis down refuses (503): without the nonce store a replay could not be told.
 */
public final class SignedRequestFilter extends OncePerRequestFilter {

    public static final String PATHS = "/api/integration/**";
    /** The request attribute holding the {@link ErrorCode} a refused request is answered with. */
    public static final String REFUSAL = SignedRequestFilter.class.getName() + ".refusal";
    public static final String CLIENT = "X-Yhl-Client";
    public static final String TIMESTAMP = "X-Yhl-Timestamp";
    public static final String NONCE = "X-Yhl-Nonce";
    public static final String SIGNATURE = "X-Yhl-Signature";

    private static final String PREFIX = "/api/integration/";
    private static final Pattern NONCE_FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern TIMESTAMP_FORMAT = Pattern.compile("\\d{1,12}");
    private static final Logger log = LoggerFactory.getLogger(SignedRequestFilter.class);

    private final IntegrationSettings settings;
    private final StringRedisTemplate redis;
    private final Clock clock;

    public SignedRequestFilter(IntegrationSettings settings, StringRedisTemplate redis, Clock clock) {
        this.settings = settings;
        this.redis = redis;
        this.clock = clock;
        settings.clients().forEach((id, client) -> {
            if (client.secret() == null || client.secret().getBytes(StandardCharsets.UTF_8).length < 32
                    || client.system() == null) {
                throw new IllegalStateException("yihuiliao.integration.clients." + id
                        + " needs a system and a secret of at least 32 bytes");
            }
        });
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1,
                settings.maxBody().toBytes()) + 1);
        String clientId = request.getHeader(CLIENT);
        ErrorCode refusal = body.length > settings.maxBody().toBytes() ? ErrorCode.VALIDATION_FAILED
                : refusal(request, clientId, body);
        if (refusal != null) {
            // never the signature or the secret; the client id only when it is one of ours
            log.info("Refused integration request {} {} from {}: {}", request.getMethod(), path(request),
                    clientId != null && settings.clients().containsKey(clientId) ? clientId : "an unknown client",
                    refusal);
            request.setAttribute(REFUSAL, refusal);
            chain.doFilter(request, response);
            return;
        }
        IntegrationClient client = new IntegrationClient(clientId, settings.clients().get(clientId).system());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                client, null, List.of(new SimpleGrantedAuthority("ROLE_" + IntegrationClient.ROLE))));
        chain.doFilter(new CachedBody(request, body), response);
    }

    private ErrorCode refusal(HttpServletRequest request, String clientId, byte[] body) {
        String timestamp = request.getHeader(TIMESTAMP);
        String nonce = request.getHeader(NONCE);
        String signature = request.getHeader(SIGNATURE);
        IntegrationSettings.Client client = clientId == null ? null : settings.clients().get(clientId);
        if (client == null || timestamp == null || !TIMESTAMP_FORMAT.matcher(timestamp).matches()
                || nonce == null || !NONCE_FORMAT.matcher(nonce).matches() || signature == null) {
            return ErrorCode.INTEGRATION_SIGNATURE_INVALID;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return ErrorCode.INTEGRATION_SIGNATURE_INVALID;
        }
        byte[] expected = hmac(client.secret(), canonical(request.getMethod(), pathAndQuery(request), timestamp,
                nonce, body));
        // constant time: how much of a guess was right is not told
        if (!MessageDigest.isEqual(expected, given)) {
            return ErrorCode.INTEGRATION_SIGNATURE_INVALID;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > settings.window().toSeconds()) {
            return ErrorCode.INTEGRATION_REQUEST_EXPIRED;
        }
        Boolean fresh;
        try {
            fresh = redis.opsForValue().setIfAbsent("yhl:integration:nonce:" + clientId + ":" + nonce, timestamp,
                    settings.window().multipliedBy(2).plus(Duration.ofSeconds(1)));
        } catch (RuntimeException e) {
            log.warn("Integration requests refused, the nonce store (Redis) is unavailable: {}", e.toString());
            return ErrorCode.SERVICE_BUSY;
        }
        return Boolean.TRUE.equals(fresh) ? null : ErrorCode.INTEGRATION_REPLAYED;
    }

    /** What is signed: method, path with query, timestamp, nonce and the body's SHA-256 in hex, one a line. */
    static String canonical(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
        try {
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getQueryString() == null ? path(request) : path(request) + "?" + request.getQueryString();
    }

    /** The body read once for the signature, served again to the handler. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
