package com.yihuiliao.command.text;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import java.text.Normalizer;

/**
 * What text a person or a document may show. Names follow the rules of real names; free text may hold any
 * ordinary character but nothing a reader cannot see or that reorders what they see (controls, bidi
 * overrides, zero-width characters, lone surrogates — the latter also cannot be stored in MariaDB's utf8mb4,
 * which keeps a {@code ?} while the request is answered with what was sent).
 *
 * <p>Every check is on the NFC form, the form that is stored: {@link #normalise(String)} and
 * {@link #normaliseName(String)} give it. A {@code problem} method answers null for acceptable text, else
 * what is wrong, as a {@link ProblemMessage} worded in each language (naming the character by its code point,
 * since it may be invisible).
 */
public final class TextRules {

    /** The middle dot of minority and transliterated names (阿沛·阿旺晋美, 约翰·史密斯), as on ID cards. */
    public static final char MIDDLE_DOT = '\u00B7';

    /**
     * Dots people type for the middle dot: Chinese IMEs give U+2022 (•) or U+2027 (‧, Taiwan) and Japanese
     * ones U+30FB (・) or its halfwidth U+FF65; U+2219 and U+22C5 come from pasting. All are stored as U+00B7
     * so one person has one spelling (U+0387 needs nothing: NFC already makes it U+00B7).
     */
    private static final String MIDDLE_DOT_LOOK_ALIKES = "\u2022\u2027\u30FB\uFF65\u2219\u22C5";

    private TextRules() {
    }

    /** The NFC form of the text; null stays null. */
    public static String normalise(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A name's stored form: NFC, look-alike middle dots as U+00B7, a typographic apostrophe as ', no outer spaces. */
    public static String normaliseName(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (char c : normalise(name).toCharArray()) {
            out.append(MIDDLE_DOT_LOOK_ALIKES.indexOf(c) >= 0 ? MIDDLE_DOT : c == '\u2019' ? '\'' : c);
        }
        return out.toString().strip();
    }

    /**
     * Null if this is a real name: either Chinese characters, with a middle dot between two of them for
     * minority names; or Latin letters (diacritics included) in words joined by a space, hyphen or
     * apostrophe, with a period after an initial (J. R. Smith). Scripts are not mixed: a name is written
     * one way on the document that proves it.
     */
    public static ProblemMessage nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return null; // required-ness is @NotBlank's
        }
        ProblemMessage invisible = invisibleProblem(name, false);
        if (invisible != null) {
            return invisible;
        }
        int first = name.codePointAt(0);
        if (isHan(first)) {
            return chineseNameProblem(name);
        }
        if (isLatinLetter(first)) {
            return latinNameProblem(name);
        }
        return ProblemMessage.of("name.start", "character", codePoint(first));
    }

    /** Null if this is acceptable free text; {@code multiline} allows line breaks and tabs (long text). */
    public static ProblemMessage textProblem(String text, boolean multiline) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        ProblemMessage invisible = invisibleProblem(text, multiline);
        if (invisible != null) {
            return invisible;
        }
        if (text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
            return ProblemMessage.of("text.only-spaces");
        }
        return null;
    }

    /** The name's stored form, or a refusal ({@link ErrorCode#INVALID_NAME}) naming the field. */
    public static String checkedName(String field, String name) {
        String normalised = normaliseName(name);
        ProblemMessage problem = nameProblem(normalised);
        if (problem != null) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_NAME, field, problem);
        }
        return normalised;
    }

    /** The text's stored form, or a refusal ({@link ErrorCode#INVALID_TEXT}) naming the field. */
    public static String checkedText(String field, String text, boolean multiline) {
        String normalised = normalise(text);
        ProblemMessage problem = textProblem(normalised, multiline);
        if (problem != null) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_TEXT, field, problem);
        }
        return normalised;
    }

    private static ProblemMessage chineseNameProblem(String name) {
        int previous = -1;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int next = i + Character.charCount(cp) < name.length() ? name.codePointAt(i + Character.charCount(cp)) : -1;
            if (cp == MIDDLE_DOT) {
                if (!isHan(previous) || !isHan(next)) {
                    return ProblemMessage.of("name.middle-dot");
                }
            } else if (!isHan(cp)) {
                return ProblemMessage.of("name.chinese-characters", "character", describe(cp));
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        return null;
    }

    private static ProblemMessage latinNameProblem(String name) {
        int previous = -1;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (isLatinLetter(cp) || isDiacritic(cp) && (isLatinLetter(previous) || isDiacritic(previous))) {
                previous = cp;
                i += Character.charCount(cp);
                continue;
            }
            if (cp == ' ' || cp == '-' || cp == '\'' || cp == '.') {
                // one separator between words; only an initial's period may be followed by a space
                boolean afterLetter = isLatinLetter(previous) || isDiacritic(previous);
                if (!afterLetter && !(cp == ' ' && previous == '.')) {
                    return ProblemMessage.of("name.word-separator");
                }
            } else {
                return ProblemMessage.of("name.latin-characters", "character", describe(cp));
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        if (previous == ' ' || previous == '-' || previous == '\'') {
            return ProblemMessage.of("name.ends-with-letter");
        }
        return null;
    }

    /** Controls, bidi and zero-width characters, lone surrogates and other characters nobody can see. */
    private static ProblemMessage invisibleProblem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return ProblemMessage.of("text.lone-surrogate", "character", codePoint(c));
            }
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.CONTROL) {
                if (multiline && (cp == '\n' || cp == '\r' || cp == '\t')) {
                    continue;
                }
                return ProblemMessage.of(cp == '\n' || cp == '\r' || cp == '\t' ? "text.line-break" : "text.control",
                        "character", codePoint(cp));
            }
            if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || INVISIBLE.indexOf(cp) >= 0) {
                return ProblemMessage.of("text.invisible", "character", codePoint(cp));
            }
            if (type == Character.PRIVATE_USE || isNonCharacter(cp) || cp == 0xFFFD) {
                return ProblemMessage.of("text.unshowable", "character", codePoint(cp));
            }
        }
        return null;
    }

    /** Invisible characters outside the format category: grapheme joiner, Hangul fillers, Braille blank. */
    private static final String INVISIBLE = "\u034F\u115F\u1160\u3164\uFFA0\u2800";

    private static boolean isNonCharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }

    /**
     * A CJK ideograph (unified, extensions A onwards, compatibility, 〇). Extensions H and I are newer than
     * the JDK's Unicode tables, so their ranges are named here.
     */
    static boolean isHan(int cp) {
        return cp >= 0 && (Character.isIdeographic(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || cp >= 0x31350 && cp <= 0x323AF || cp >= 0x2EBF0 && cp <= 0x2EE5F);
    }

    /** A Latin letter with or without diacritics; fullwidth forms are not (they come from a wrong input mode). */
    static boolean isLatinLetter(int cp) {
        if (cp < 0 || Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER
                || type == Character.TITLECASE_LETTER;
    }

    /** A combining accent NFC could not fold into its letter (e.g. a letter with two accents). */
    private static boolean isDiacritic(int cp) {
        return cp >= 0x0300 && cp <= 0x036F && cp != 0x034F;
    }

    private static String describe(int cp) {
        // only letters and digits are quoted: the message may become a Bean Validation template, where
        // braces and dollars mean something
        return Character.isLetterOrDigit(cp) ? "'" + new String(Character.toChars(cp)) + "' (" + codePoint(cp) + ")"
                : codePoint(cp);
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
