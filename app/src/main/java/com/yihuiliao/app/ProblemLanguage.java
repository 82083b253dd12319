package com.yihuiliao.app;

import com.yihuiliao.api.Languages;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * One language policy for problem details: Chinese by default, English when the caller asks for it
 * ({@code Accept-Language: en…}). The English text is what the code writes ({@code ErrorCode} titles and
 * the specific details); the Chinese title of each code comes from {@code i18n/problem-titles_zh.properties},
 * and the Chinese detail is that title, naming the fields to fix, so an answer is never half one language.
 */
@RestControllerAdvice
class ProblemLanguage implements ResponseBodyAdvice<Object> {

    private static final Map<String, String> ZH = load("/i18n/problem-titles_zh.properties");

    static boolean english(HttpServletRequest request) {
        return Languages.prefersEnglish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Puts the problem in the caller's language; answers the language tag for Content-Language. */
    static String localize(ProblemDetail problem, boolean english) {
        if (english) {
            return "en";
        }
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        String title = code == null ? null : ZH.get(code.toString());
        if (title == null) {
            return "en"; // a code without a translation stays as written, in English
        }
        problem.setTitle(title);
        Object errors = problem.getProperties().get("errors");
        problem.setDetail(errors instanceof Map<?, ?> fields && !fields.isEmpty()
                ? title + "请检查：" + String.join("、", fields.keySet().stream().map(String::valueOf).toList()) + "。"
                : title);
        return "zh-CN";
    }

    static boolean translated(String code) {
        return ZH.containsKey(code);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
            response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, localize(problem, english(servlet.getServletRequest())));
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
        return body;
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = ProblemLanguage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Properties titles = new Properties();
            titles.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new java.util.HashMap<>();
            titles.forEach((key, value) -> map.put(key.toString(), value.toString()));
            return Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
