package com.yihuiliao.command.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import java.time.LocalDate;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every valid number here carries its real GB 11643-1999 check character (weights
 * 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2 over the first 17 digits, sum mod 11 indexing "10X98765432").
 */
class ResidentIdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @Test
    void validNumberWithADigitCheckCharacter() {
        ResidentIdNumber id = ResidentIdNumber.parse("110101199003071233", TODAY);

        assertThat(id.value()).isEqualTo("110101199003071233");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(id.sex()).isEqualTo(Sex.MALE); // 17th digit 3: odd
        assertThat(id.masked()).isEqualTo("1101**********1233");
    }

    @Test
    void validNumberWithAnXCheckCharacter() {
        // the standard's own example
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE); // 17th digit 2: even
    }

    @Test
    void lowercaseXIsAcceptedAndNormalisedToUppercase() {
        ResidentIdNumber id = ResidentIdNumber.parse("44030419900101002x", TODAY);

        assertThat(id.value()).isEqualTo("44030419900101002X");
        assertThat(id).isEqualTo(ResidentIdNumber.parse("44030419900101002X", TODAY));
        assertThat(id.masked()).isEqualTo("4403**********002X");
    }

    @Test
    void sexComesFromTheSeventeenthDigit() {
        assertThat(ResidentIdNumber.parse("440304199001010011", TODAY).sex()).isEqualTo(Sex.MALE);
        assertThat(ResidentIdNumber.parse("44030419900101002X", TODAY).sex()).isEqualTo(Sex.FEMALE);
        assertThat(ResidentIdNumber.parse("320102198511200047", TODAY).sex()).isEqualTo(Sex.FEMALE);
        assertThat(ResidentIdNumber.parse("320102198511200047", TODAY).birthDate())
                .isEqualTo(LocalDate.of(1985, 11, 20));
    }

    @Test
    void edgeDatesThatExist() {
        assertThat(ResidentIdNumber.parse("110101200002290034", TODAY).birthDate())
                .isEqualTo(LocalDate.of(2000, 2, 29)); // leap year
        assertThat(ResidentIdNumber.parse("110101190001011236", TODAY).birthDate())
                .isEqualTo(LocalDate.of(1900, 1, 1)); // the earliest allowed
        assertThat(ResidentIdNumber.parse("110101202506011237", TODAY).birthDate())
                .isEqualTo(TODAY); // born today
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(ResidentIdNumber.parse("  110101199003071233 ", TODAY).value()).isEqualTo("110101199003071233");
    }

    @Test
    void parseWithoutADateChecksAgainstToday() {
        assertThat(ResidentIdNumber.parse("110101199003071233").birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
    }

    @Test
    void wrongCheckCharacterIsRefused() {
        // 11010119900307123 checks to 3, not 4
        assertRefused("110101199003071234").hasMessageContaining("does not match");
        // 11010519491231002 checks to X, not 0
        assertRefused("110105194912310020").hasMessageContaining("does not match");
        // a single transposed pair
        assertRefused("110101199003071323").hasMessageContaining("does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010119900307123", "1101011990030712333", "110101900307123", "1"})
    void wrongLengthIsRefused(String number) {
        assertRefused(number).hasMessageContaining("18 characters").hasMessageContaining("has " + number.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1101011990030712A3", "X10101199003071233", "11010119900307x233", "１10101199003071233"})
    void lettersOrOtherCharactersAmongTheFirstSeventeenAreRefused(String number) {
        assertRefused(number).hasMessageContaining("first 17 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010119900307123Y", "11010119900307123-"})
    void lastCharacterOtherThanADigitOrXIsRefused(String number) {
        assertRefused(number).hasMessageContaining("last character");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110101199002301236", // 1990-02-30
            "110101202302291230", // 2023-02-29: not a leap year
            "110101199013071237"  // month 13
    })
    void impossibleDatesAreRefused(String numberWithCorrectCheckCharacter) {
        assertRefused(numberWithCorrectCheckCharacter).hasMessageContaining("not a real date");
    }

    @Test
    void birthDateInTheFutureIsRefused() {
        assertRefused("110101202506021232").hasMessageContaining("in the future"); // tomorrow
        assertRefused("110101209901011239").hasMessageContaining("in the future");
    }

    @Test
    void birthDateBefore1900IsRefused() {
        assertRefused("110101189912311231").hasMessageContaining("before 1900");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsRefused(String number) {
        assertRefused(number).hasMessageContaining("enter");
    }

    @Test
    void nullIsRefused() {
        assertRefused(null).hasMessageContaining("enter");
    }

    @Test
    void refusalsNeverRepeatTheNumber() {
        assertRefused("110101199003071234").message().doesNotContain("110101199003071234").doesNotContain("19900307");
        assertRefused("110101199002301236").message().doesNotContain("110101199002301236").doesNotContain("19900230");
    }

    @Test
    void toStringIsMasked() {
        assertThat(ResidentIdNumber.parse("110101199003071233", TODAY)).hasToString("1101**********1233");
    }

    @Test
    void checkCharacterOfTheStandardsExample() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("11010119900307123")).isEqualTo('3');
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String number) {
        return assertThatThrownBy(() -> ResidentIdNumber.parse(number, TODAY))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).code()).isEqualTo(ErrorCode.INVALID_RESIDENT_ID));
    }
}
