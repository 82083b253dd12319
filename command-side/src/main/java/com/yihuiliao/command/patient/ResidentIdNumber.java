package com.yihuiliao.command.patient;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * An 18-character mainland resident ID number (居民身份证号码), GB 11643-1999: six digits of area code,
 * the birth date as yyyyMMdd, a three-digit sequence whose last digit is odd for men and even for
 * women, and a check character over the first 17 digits. A lowercase {@code x} is accepted and kept
 * as {@code X}.
 *
 * <p>{@link #toString()} is the masked form, so a logged value never shows the number; the refusal
 * messages never repeat it either.
 */
public final class ResidentIdNumber {

    public enum Sex { MALE, FEMALE }

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final String value;
    private final LocalDate birthDate;
    private final Sex sex;

    private ResidentIdNumber(String value, LocalDate birthDate, Sex sex) {
        this.value = value;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    /** Parses and checks a number against today's date in the hospital's zone. */
    public static ResidentIdNumber parse(String text) {
        return parse(text, LocalDate.now(Clocks.HOSPITAL_ZONE));
    }

    /**
     * Parses and checks a number; surrounding whitespace is ignored.
     *
     * @param today the date after which no one can have been born
     * @throws BusinessRuleViolation {@link ErrorCode#INVALID_RESIDENT_ID}, with a message saying what is wrong
     */
    public static ResidentIdNumber parse(String text, LocalDate today) {
        return parse(text, today, DocumentType.RESIDENT_ID, ErrorCode.INVALID_RESIDENT_ID, null);
    }

    /**
     * The same GB 11643 rule for the other documents that follow it (residence permits of Hong Kong, Macao and
     * Taiwan residents, the 2023 permanent residence card): the messages name the number by its {@code type},
     * and refusals carry {@code code} and {@code field}.
     */
    static ResidentIdNumber parse(String text, LocalDate today, DocumentType type, ErrorCode code, String field) {
        if (text == null || text.isBlank()) {
            throw invalid(code, field, ProblemMessage.of("gb11643.enter", "document", type));
        }
        String value = text.strip();
        if (value.length() != LENGTH) {
            throw invalid(code, field, ProblemMessage.of("gb11643.length", "document", type, "length", value.length()));
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                throw invalid(code, field, ProblemMessage.of("gb11643.digits", "document", type));
            }
        }
        char last = Character.toUpperCase(value.charAt(LENGTH - 1));
        if (!isAsciiDigit(last) && last != 'X') {
            throw invalid(code, field, ProblemMessage.of("gb11643.last-character", "document", type));
        }
        value = value.substring(0, LENGTH - 1) + last;

        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException notADate) {
            throw invalid(code, field, ProblemMessage.of("gb11643.birth-date-not-real"));
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            throw invalid(code, field, ProblemMessage.of("gb11643.birth-date-before-1900"));
        }
        if (birthDate.isAfter(today)) {
            throw invalid(code, field, ProblemMessage.of("gb11643.birth-date-future"));
        }
        if (checkCharacter(value) != last) {
            throw invalid(code, field, ProblemMessage.of("gb11643.check-character"));
        }
        Sex sex = (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new ResidentIdNumber(value, birthDate, sex);
    }

    /** The GB 11643-1999 check character of the first 17 digits. */
    static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static BusinessRuleViolation invalid(ErrorCode code, String field, ProblemMessage message) {
        return new BusinessRuleViolation(code, field, message);
    }

    /** The full number, with an uppercase X: for storage only, never for a response or a log line. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    /** {@code 1101**********1234} */
    public String masked() {
        return Masking.idNumber(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form: a number that ends up in a log line shows no more than this. */
    @Override
    public String toString() {
        return masked();
    }
}
