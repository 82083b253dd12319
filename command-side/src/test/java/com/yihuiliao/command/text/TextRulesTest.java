package com.yihuiliao.command.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Names follow real names' rules; free text refuses what no one can see; both are checked and kept as NFC. */
class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"张三", "欧阳娜娜", "阿沛·阿旺晋美", "买买提·艾力", "𠀋一", "李〇", "John Smith", "Amélie",
            "Jean-Luc Picard", "O'Brien", "J. R. R. Tolkien", "Nguyễn Văn An", "Zoë Saldaña", "x"})
    void realNamesAreAccepted(String name) {
        assertThat(TextRules.nameProblem(TextRules.normaliseName(name))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"张\u0000三", "张\u0007三", "\u202E三张", "张\u200B三", "张三\uD800", "\uDC00张三",
            "张\u2060三", "张\uFEFF三", "张 三", "张三1", "张三A", "John3", "John  Smith", "-John", "John-",
            "·张三", "张三·", "张··三", "John·Smith", "<script>", "Ｊｏｈｎ", "张\u3164三", "John\u034FSmith", "😀"})
    void otherNamesAreRefused(String name) {
        assertThat(TextRules.nameProblem(TextRules.normaliseName(name))).isNotNull();
    }

    @Test
    void middleDotLookAlikesBecomeTheMiddleDot() {
        for (String dot : new String[]{"\u2022", "\u2027", "\u30FB", "\uFF65", "\u2219", "\u22C5", "\u0387", "\u00B7"}) {
            assertThat(TextRules.checkedName("realName", "阿沛" + dot + "阿旺晋美")).isEqualTo("阿沛·阿旺晋美");
        }
    }

    @Test
    void namesAreStoredAsNfcWithoutOuterSpaces() {
        String decomposed = "Ame\u0301lie O\u2019Brien";
        assertThat(TextRules.checkedName("realName", "  " + decomposed + " ")).isEqualTo("Amélie O'Brien");
    }

    @Test
    void aRefusedNameNamesTheFieldAndTheCharacter() {
        assertThatThrownBy(() -> TextRules.checkedName("realName", "张\u202E三"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NAME);
                    assertThat(e.field()).isEqualTo("realName");
                    assertThat(e.getMessage()).contains("U+202E");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"停诊通知：5月1日（周四）心内科停诊。", "Dr. Li's clinic — closed, 10:00–12:00!", "血常规（五分类）",
            "阿莫西林胶囊 0.25g×24粒", "“引号”、《书名》、【括号】……", "100% & <b>", "患者\u3000取消"})
    void ordinaryTextIsAccepted(String text) {
        assertThat(TextRules.textProblem(TextRules.normalise(text), false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u202Eb", "a\u202Ab", "a\u2066b",
            "a\u200Eb", "a\u200Bb", "a\u200Db", "a\uFEFFb", "a\u00ADb", "a\uD800b", "a\uDFFFb", "a\u2028b", "a\uE000b",
            "a\uFFFFb", "a\uFFFDb", "a\u3164b", "\u00A0\u3000 "})
    void invisibleAndControlCharactersAreRefused(String text) {
        assertThat(TextRules.textProblem(TextRules.normalise(text), true)).isNotNull();
        assertThat(TextRules.textProblem(TextRules.normalise(text), false)).isNotNull();
    }

    @Test
    void longTextMayHaveLineBreaksAndTabsShortTextNot() {
        assertThat(TextRules.textProblem("第一行\n第二行\r\n\t缩进", true)).isNull();
        assertThat(TextRules.textProblem("第一行\n第二行", false).english()).contains("U+000A");
        assertThat(TextRules.textProblem("a\tb", false).english()).contains("U+0009");
    }

    @Test
    void textIsStoredAsNfc() {
        assertThat(TextRules.checkedText("title", "Cafe\u0301", false)).isEqualTo("Café");
        assertThatThrownBy(() -> TextRules.checkedText("reason", "ok\u200B", false))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEXT);
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.getMessage()).contains("U+200B");
                });
    }

    // ---- the annotations: Jackson normalises, Bean Validation checks the normalised form ----

    record Request(@PersonName String name, @DisplayText String title, @DisplayText(multiline = true) String body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void requestFieldsAreReadAsTheirNormalisedForm() throws Exception {
        Request request = json.readValue("{\"name\":\" 阿沛\\u2022阿旺晋美 \",\"title\":\"Cafe\\u0301\","
                + "\"body\":\"一\\n二\"}", Request.class);
        assertThat(request.name()).isEqualTo("阿沛·阿旺晋美");
        assertThat(request.title()).isEqualTo("Café");
        assertThat(validator.validate(request)).isEmpty();
        assertThat(json.readValue("{\"name\":null}", Request.class).name()).isNull();
    }

    @Test
    void violationsSayWhatIsWrong() throws Exception {
        Request request = json.readValue("{\"name\":\"张\\u0000三\",\"title\":\"a\\ud800\",\"body\":\"a\\u202e\"}",
                Request.class);
        Set<ConstraintViolation<Request>> violations = validator.validate(request);
        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("name", "title", "body");
        assertThat(violations).extracting(ConstraintViolation::getMessage)
                .anySatisfy(m -> assertThat(m).contains("U+0000"))
                .anySatisfy(m -> assertThat(m).contains("U+D800"))
                .anySatisfy(m -> assertThat(m).contains("U+202E"));
    }
}
