package com.yihuiliao.app;

import com.yihuiliao.api.Languages;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.ProblemTexts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * ({@code Accept-Language: en…}), never a mix. A problem is built language-neutral where it can be — a detail
 * {@link #worded} from a {@link ProblemMessage}, {@code errors} values that are ProblemMessages — and put in
 * the caller's language here, as it is answered. English titles are the {@code ErrorCode}'s; Chinese titles
 * come from {@code i18n/problem-titles_zh.properties}; the Chinese detail is the message's Chinese wording, or
 * the title naming the fields to fix. What has only English words (a detail as the code wrote it) is answered
 * in Chinese by the title.
 */
@RestControllerAdvice
class ProblemLanguage implements ResponseBodyAdvice<Object> {

    private static final Map<String, String> ZH = ProblemTexts.load("/i18n/problem-titles_zh.properties");

    /** A problem whose detail is worded from a message in the language it is answered in. */
    static final class WordedProblem extends ProblemDetail {
        private final transient ProblemMessage message;

        private WordedProblem(ProblemDetail problem, ProblemMessage message) {
            super(problem);
            this.message = message;
        }
    }

    /** An {@code errors} value that exists only as an English sentence: answered in Chinese by the title. */
    record EnglishOnly(String english) {
    }

    static ProblemDetail worded(ProblemDetail problem, ProblemMessage message) {
        return new WordedProblem(problem, message);
    }

    static boolean english(HttpServletRequest request) {
        return Languages.prefersEnglish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Puts the problem in the caller's language; answers the language tag for Content-Language. */
    static String localize(ProblemDetail problem, boolean english) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        String title = english || code == null ? null : ZH.get(code.toString());
        boolean chinese = title != null; // a code without a translation stays in English
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        Map<String, Object> fields = new LinkedHashMap<>();
        if (errors instanceof Map<?, ?> map) {
            map.forEach((field, value) -> fields.put(String.valueOf(field), word(value, chinese ? title : null)));
            problem.setProperty("errors", fields);
        }
        ProblemMessage message = problem instanceof WordedProblem worded ? worded.message : null;
        if (!chinese) {
            if (message != null) {
                problem.setDetail(message.english());
            }
            return "en";
        }
        problem.setTitle(title);
        String detail = message == null ? null : message.chinese();
        problem.setDetail(!fields.isEmpty() ? title + "请检查：" + String.join("、", fields.keySet()) + "。"
                : detail != null ? detail : title);
        return "zh-CN";
    }

    /** An errors value in English ({@code chineseTitle} null) or in Chinese. */
    private static Object word(Object value, String chineseTitle) {
        if (value instanceof ProblemMessage message) {
            String chinese = chineseTitle == null ? null : message.chinese();
            return chineseTitle == null ? message.english() : chinese != null ? chinese : chineseTitle;
        }
        if (value instanceof EnglishOnly sentence) {
            return chineseTitle == null ? sentence.english() : chineseTitle;
        }
        return value; // bean validation's own messages, already in the caller's language
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
}
