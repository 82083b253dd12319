package com.yihuiliao.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.command.identity.SecuritySettings;
import com.yihuiliao.command.identity.TokenService;
import com.yihuiliao.command.integration.SignedRequestFilter;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may call what. Every endpoint is public (catalogue, announcements, login), patient-only
 * (their own bookings and patients), or staff with a role. Tokens are our own HS256 JWTs,
 * verified by Spring Security's resource server; no sessions.
 */
@Configuration
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Every loaded feature's rows, merged (and refused when two conflict): see {@link AccessRules}. */
    @Bean
    AccessRules accessRules(Map<String, PathAccess> contributions) {
        return AccessRules.merge(contributions);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, JdbcTemplate jdbc, JwtDecoder jwtDecoder,
                            SecuritySettings settings, AccessRules access,
                            ObjectProvider<SignedRequestFilter> integration) throws Exception {
        AuthenticationManagerResolver<HttpServletRequest> tokens = bearerTokens(jwtDecoder, settings.metricsScrapeToken());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    for (AccessRules.Rule rule : access.rules()) {
                        String[] patterns = rule.patterns().toArray(String[]::new);
                        var matched = rule.method() == null ? auth.requestMatchers(patterns)
                                : auth.requestMatchers(rule.method(), patterns);
                        if (rule.isPublic()) {
                            matched.permitAll();
                        } else {
                            matched.hasAnyRole(rule.roles().toArray(String[]::new));
                        }
                    }
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint((request, response, e) ->
                                problem(request, response, json, request.getHeader("Authorization") == null
                                        ? unauthenticated(request) : ErrorCode.TOKEN_INVALID))
                        .accessDeniedHandler((request, response, e) -> problem(request, response, json, ErrorCode.FORBIDDEN)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(request, response, json,
                                unauthenticated(request)))
                        .accessDeniedHandler((request, response, ex) -> problem(request, response, json, ErrorCode.FORBIDDEN)))
                // once the token is verified: a disabled account stops at once, a one-time password must be changed first
                .addFilterAfter(new StaffStanding(jdbc, json, access), BearerTokenAuthenticationFilter.class);
        // the hospital's systems sign their requests instead (command side only: where it loads)
        integration.ifAvailable(filter -> http.addFilterBefore(filter, BearerTokenAuthenticationFilter.class));
        return http.build();
    }

    /** Why an unauthenticated request is refused: a signed integration request says why its signature failed. */
    private static ErrorCode unauthenticated(HttpServletRequest request) {
        return request.getAttribute(SignedRequestFilter.REFUSAL) instanceof ErrorCode refusal
                ? refusal : ErrorCode.UNAUTHENTICATED;
    }

    /**
     * Bearer tokens are our JWTs, except on /actuator/prometheus, where Prometheus (which cannot log in)
     * may instead send the configured scrape token; it is granted METRICS_SCRAPER, which AccessRules
     * lets read that endpoint only.
     */
    private static AuthenticationManagerResolver<HttpServletRequest> bearerTokens(JwtDecoder jwtDecoder, String scrapeToken) {
        JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(jwtDecoder);
        jwtProvider.setJwtAuthenticationConverter(rolesFromToken());
        AuthenticationManager jwt = new ProviderManager(jwtProvider);
        if (scrapeToken == null || scrapeToken.isBlank()) {
            return request -> jwt;
        }
        byte[] expected = scrapeToken.getBytes(StandardCharsets.UTF_8);
        if (expected.length < 32) {
            throw new IllegalStateException("yihuiliao.security.metrics-scrape-token must be at least 32 bytes");
        }
        AuthenticationManager scrapeOrJwt = authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            // constant time: the comparison tells nothing about how much of a guess was right
            if (MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
                return UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + AccessRules.METRICS_SCRAPER)));
            }
            return jwt.authenticate(authentication);
        };
        return request -> (request.getContextPath() + AccessRules.PROMETHEUS).equals(request.getRequestURI())
                ? scrapeOrJwt : jwt;
    }

    /** A URL the firewall refuses (e.g. "//" or an encoded slash) is a bad request like any other: problem details. */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, e) -> {
            log.info("Refused {}: {}", request.getRequestURI(), e.getMessage());
            problem(request, response, json, ErrorCode.VALIDATION_FAILED);
        };
    }

    static void problem(HttpServletRequest request, HttpServletResponse response, ObjectMapper json, ErrorCode code)
            throws java.io.IOException {
        ProblemDetail problem = ProblemDetailsAdvice.problem(code, code.title());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, ProblemLanguage.localize(problem, ProblemLanguage.english(request)));
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (code.status() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }

    private static JwtAuthenticationConverter rolesFromToken() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenService.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    SecretKey jwtKey(SecuritySettings settings, @Value("${yihuiliao.data-dir:./data}") String dataDir) {
        String secret = JwtSecretFile.resolve(settings.jwtSecret(), settings.generateJwtSecret(), Path.of(dataDir));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < JwtSecretFile.MIN_BYTES) {
            throw new IllegalStateException("yihuiliao.security.jwt-secret must be at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtKey) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtKey).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenService.ISSUER));
        return decoder;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
