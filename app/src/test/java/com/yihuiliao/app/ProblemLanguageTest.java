package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.ProblemTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemLanguageTest {

    /** Three Latin words in a row: an English sentence (or part of one), not a code, a unit or an ISO name. */
    static final Pattern ENGLISH_SENTENCE = Pattern.compile("[A-Za-z]+(?:[\\s,;'-]+[A-Za-z]+){2,}");
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @Test
    void everyErrorCodeHasItsChineseTitle() {
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name).filter(code -> !ProblemLanguage.translated(code)))
                .as("codes without a line in i18n/problem-titles_zh.properties").isEmpty();
        assertThat(ProblemLanguage.translated("INTERNAL_ERROR")).isTrue();
    }

    @Test
    void everyMessageKeyIsWordedInBothLanguages_withTheSameParameters() {
        Map<String, String> english = ProblemTexts.ENGLISH.templates();
        Map<String, String> chinese = ProblemTexts.CHINESE.templates();
        assertThat(chinese.keySet()).as("keys of problem-details_zh vs _en").isEqualTo(english.keySet());
        english.forEach((key, template) -> {
            assertThat(ProblemTexts.placeholders(chinese.get(key))).as(key).isEqualTo(ProblemTexts.placeholders(template));
            assertThat(template).as(key).doesNotContainPattern(CJK);
        });
    }

    @Test
    void theChineseWordsAreChinese() {
        Stream.concat(ProblemTexts.CHINESE.templates().entrySet().stream(),
                Arrays.stream(ErrorCode.values()).map(code -> Map.entry(code.name(), zhTitle(code)))).forEach(entry -> {
                    String text = entry.getValue().replaceAll("\\{\\w+(:\\w+)?}", "");
                    assertThat(text).as(entry.getKey()).containsPattern(CJK).doesNotContainPattern(ENGLISH_SENTENCE);
                });
    }

    /** Every key the code words a refusal with has its templates (a typo would answer the key itself). */
    @Test
    void everyKeyTheCodeUsesHasATemplate() throws IOException {
        Pattern literal = Pattern.compile("ProblemMessage\\.of\\(\\s*(?:[^\"()]*\\?\\s*)?\"([^\"]+)\"(?:\\s*:\\s*\"([^\"]+)\")?");
        Set<String> used = new TreeSet<>();
        for (String module : new String[] {"command-side", "query-side", "projections", "app"}) {
            Path sources = Path.of("..", module, "src", "main", "java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                        if (m.group(2) != null) {
                            used.add(m.group(2));
                        }
                    }
                }
            }
        }
        assertThat(used).contains("balance.insufficient", "gb11643.check-character", "name.chinese-characters",
                "text.line-break", "text.control");
        assertThat(used).allSatisfy(key -> assertThat(ProblemTexts.ENGLISH.templates()).as(key).containsKey(key));
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

    @Test
    void aRefusalWithItsParametersIsWordedInEachLanguage_andAnswersThemAsProperties() {
        BusinessRuleViolation refusal = new BusinessRuleViolation(ErrorCode.INSUFFICIENT_BALANCE,
                ProblemMessage.of("balance.insufficient", "neededFen", 4500L, "availableFen", 1234L));
        assertThat(refusal.getMessage()).isEqualTo("The balance is 1234 fen; 4500 fen are needed.");

        ProblemDetail english = new ProblemDetailsAdvice().refused(refusal);
        ProblemLanguage.localize(english, true);
        assertThat(english.getDetail()).isEqualTo("The balance is 1234 fen; 4500 fen are needed.");
        assertThat(english.getProperties()).containsEntry("neededFen", 4500L).containsEntry("availableFen", 1234L);

        ProblemDetail chinese = new ProblemDetailsAdvice().refused(refusal);
        ProblemLanguage.localize(chinese, false);
        assertThat(chinese.getTitle()).isEqualTo(zhTitle(ErrorCode.INSUFFICIENT_BALANCE));
        assertThat(chinese.getDetail()).isEqualTo("余额不足：本次需支付 45.00 元，可用余额 12.34 元。");
        assertThat(chinese.getProperties()).containsEntry("neededFen", 4500L);
    }

    @Test
    void aFieldsRefusalIsWordedInItsErrors_anEnglishOnlyOneAnswersTheTitleInChinese() {
        ProblemDetail worded = new ProblemDetailsAdvice().refused(new BusinessRuleViolation(ErrorCode.INVALID_DOCUMENT,
                "idNumber", ProblemMessage.of("passport.length", "length", 3)));
        ProblemLanguage.localize(worded, false);
        assertThat(worded.getProperties().get("errors")).isEqualTo(Map.of("idNumber", "护照号码应为 5 至 17 位，此号码为 3 位。"));
        assertThat(worded.getDetail()).isEqualTo(zhTitle(ErrorCode.INVALID_DOCUMENT) + "请检查：idNumber。");

        ProblemDetail asWritten = new ProblemDetailsAdvice().refused(new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                "phone", "Not a phone number."));
        ProblemDetail englishToo = new ProblemDetailsAdvice().refused(new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                "phone", "Not a phone number."));
        ProblemLanguage.localize(asWritten, false);
        ProblemLanguage.localize(englishToo, true);
        assertThat(asWritten.getProperties().get("errors")).isEqualTo(Map.of("phone", "请求内容有误。"));
        assertThat(englishToo.getProperties().get("errors")).isEqualTo(Map.of("phone", "Not a phone number."));
        assertThat(englishToo.getDetail()).isEqualTo("phone: Not a phone number.");
    }

    @Test
    void instantsAreBeijingTime_fenCanBeYuan() {
        ProblemMessage opens = ProblemMessage.of("booking.not-open", "opensAt", Instant.parse("2026-12-03T07:00:00Z"));
        assertThat(opens.english()).isEqualTo("Booking for this schedule opens at 2026-12-03 15:00 (Beijing time).");
        assertThat(opens.chinese()).isEqualTo("该号源将于 2026-12-03 15:00（北京时间）开放预约。");
        assertThat(ProblemMessage.of("topup.amount-range", "minFen", 1L, "maxFen", 5_000_000L, "amountFen", 5_000_001L)
                .chinese()).isEqualTo("单笔充值金额为 0.01 至 50000.00 元，本次为 50000.01 元。");
    }

    private static String zhTitle(ErrorCode code) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(code, code.title());
        ProblemLanguage.localize(problem, false);
        return problem.getTitle();
    }
}
