package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.ErrorCode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemLanguageTest {

    @Test
    void everyErrorCodeHasItsChineseTitle() {
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name).filter(code -> !ProblemLanguage.translated(code)))
                .as("codes without a line in i18n/problem-titles_zh.properties").isEmpty();
        assertThat(ProblemLanguage.translated("INTERNAL_ERROR")).isTrue();
    }

    @Test
    void chineseReplacesTitleAndDetail_englishLeavesThemAsWritten() {
        var problem = ProblemDetailsAdvice.problem(ErrorCode.REFUND_EXCEEDS_PAID, "At most 1000 fen can be refunded.");
        assertThat(ProblemLanguage.localize(problem, true)).isEqualTo("en");
        assertThat(problem.getDetail()).isEqualTo("At most 1000 fen can be refunded.");

        assertThat(ProblemLanguage.localize(problem, false)).isEqualTo("zh-CN");
        assertThat(problem.getTitle()).isEqualTo("退款金额超过该笔支付的剩余可退金额。");
        assertThat(problem.getDetail()).isEqualTo(problem.getTitle());

        var fields = ProblemDetailsAdvice.problem(ErrorCode.VALIDATION_FAILED, "Some fields are not valid: a; b");
        fields.setProperty("errors", Map.of("scheduleId", "must not be blank"));
        ProblemLanguage.localize(fields, false);
        assertThat(fields.getDetail()).isEqualTo("请求内容有误。请检查：scheduleId。");
    }
}
