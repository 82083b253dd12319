package com.yihuiliao.command.patient;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identity documents a patient (就诊人) is registered with, each with its published number rule, its
 * masking and what makes two numbers the same document. Every rule is here; refusals never repeat the number.
 *
 * <p>A number is checked for its form (and check character where the document has one), not against the
 * issuer: a well-formed number of nobody passes, as it always did for resident IDs.
 */
public enum DocumentType {

    /** 居民身份证, GB 11643-1999: as before, the default when a request names no type. */
    RESIDENT_ID("居民身份证", true, 4, 4) {
        @Override
        IdentityDocument check(String number, String nationality, LocalDate today) {
            ResidentIdNumber id = ResidentIdNumber.parse(number, today, this,
                    ErrorCode.INVALID_RESIDENT_ID, ID_NUMBER);
            // these follow GB 11643 too, but are other documents: say which, so the person picks the right one
            if (PERMIT_PREFIXES.contains(id.value().substring(0, 6))) {
                throw new BusinessRuleViolation(ErrorCode.INVALID_RESIDENT_ID, ID_NUMBER, ProblemMessage.of(
                        "document.permit-number", "suggestedDocumentType", HK_MACAO_TAIWAN_RESIDENCE_PERMIT.name()));
            }
            if (id.value().charAt(0) == '9') {
                throw new BusinessRuleViolation(ErrorCode.INVALID_RESIDENT_ID, ID_NUMBER, ProblemMessage.of(
                        "document.foreign-permanent-number", "suggestedDocumentType", FOREIGN_PERMANENT_RESIDENCE.name()));
            }
            return new IdentityDocument(this, id.value(), null, id.birthDate(), id.sex());
        }
    },

    /**
     * 护照, of any country: 5 to 17 letters and digits (ICAO 9303 leaves the form to the issuer; Chinese ones
     * are E + 8 characters), with the issuing nationality as an ISO 3166-1 alpha-3 code, since a passport number
     * is unique only within its country.
     */
    PASSPORT("护照", false, 2, 3) {
        @Override
        IdentityDocument check(String number, String nationality, LocalDate today) {
            String value = number.strip();
            if (value.length() < 5 || value.length() > 17) {
                throw invalid(ProblemMessage.of("passport.length", "length", value.length()));
            }
            if (!LETTERS_AND_DIGITS.matcher(value).matches()) {
                throw invalid(ProblemMessage.of("passport.characters"));
            }
            return new IdentityDocument(this, upper(value), nationality(nationality), null, null);
        }

        @Override
        String key(String number, String nationality) {
            return name() + ":" + nationality + ":" + number;
        }
    },

    /**
     * 港澳台居民居住证 (since 2018): a GB 11643 number whose address code is 810000 (Hong Kong), 820000 (Macao)
     * or 830000 (Taiwan). Birth date and sex follow from it as from a resident ID.
     */
    HK_MACAO_TAIWAN_RESIDENCE_PERMIT("港澳台居民居住证", true, 4, 4) {
        @Override
        IdentityDocument check(String number, String nationality, LocalDate today) {
            ResidentIdNumber id = ResidentIdNumber.parse(number, today, this,
                    ErrorCode.INVALID_DOCUMENT, ID_NUMBER);
            if (!PERMIT_PREFIXES.contains(id.value().substring(0, 6))) {
                throw invalid(ProblemMessage.of("permit.prefix"));
            }
            return new IdentityDocument(this, id.value(), null, id.birthDate(), id.sex());
        }
    },

    /**
     * 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao) and the holder's lifelong 8 digits; cards
     * before 2013 add 2 digits counting renewals (公安部, 港澳居民来往内地通行证号码规则, 2010).
     */
    HK_MACAO_PASS("港澳居民来往内地通行证", false, 2, 3) {
        @Override
        IdentityDocument check(String number, String nationality, LocalDate today) {
            String value = upper(number.strip());
            if (!HK_MACAO_PASS_FORM.matcher(value).matches()) {
                throw invalid(ProblemMessage.of("hk-macao-pass.form"));
            }
            return new IdentityDocument(this, value, null, null, null);
        }

        /** The first nine characters are the holder's for life: an older card and its renewal are one holder. */
        @Override
        String key(String number, String nationality) {
            return name() + ":" + number.substring(0, Math.min(9, number.length()));
        }
    },

    /**
     * 台湾居民来往大陆通行证 (台胞证): the holder's lifelong 8 digits (since 2008); older cards add 2 digits of
     * issue count and, from some offices, the issuing office's code in brackets, e.g. {@code 0561682001(D)}.
     */
    TAIWAN_PASS("台湾居民来往大陆通行证", false, 2, 3) {
        @Override
        IdentityDocument check(String number, String nationality, LocalDate today) {
            String value = upper(number.strip().replace('（', '(').replace('）', ')'));
            if (!TAIWAN_PASS_FORM.matcher(value).matches()) {
                throw invalid(ProblemMessage.of("taiwan-pass.form"));
            }
            return new IdentityDocument(this, value, null, null, null);
        }

        /** The first eight digits are the holder's for life. */
        @Override
        String key(String number, String nationality) {
            return name() + ":" + number.substring(0, Math.min(8, number.length()));
        }
    },

    /**
     * 外国人永久居留身份证: since December 2023, 18 digits after GB 11643 — 9, the issuing province, the
     * nationality's numeric code, the birth date, a sequence and the MOD 11-2 check character (国家移民管理局,
     * 新版外国人永久居留身份证适配性改造要点); the 2017 card's 15 characters are the nationality's three letters and
     * 12 digits. Sex is not derived: the sequence's parity is not published as meaning it.
     */
    FOREIGN_PERMANENT_RESIDENCE("外国人永久居留身份证", true, 4, 4) {
        @Override
        IdentityDocument check(String number, String nationality, LocalDate today) {
            String value = upper(number.strip());
            if (value.length() == 18) {
                ResidentIdNumber id = ResidentIdNumber.parse(value, today, this,
                        ErrorCode.INVALID_DOCUMENT, ID_NUMBER);
                if (id.value().charAt(0) != '9') {
                    throw invalid(ProblemMessage.of("foreign-permanent.starts-with-9"));
                }
                return new IdentityDocument(this, id.value(), null, id.birthDate(), null);
            }
            if (value.length() == 15) {
                if (!PERMANENT_RESIDENCE_2017_FORM.matcher(value).matches()) {
                    throw invalid(ProblemMessage.of("foreign-permanent.form-2017"));
                }
                if (!ISO_ALPHA_3.contains(value.substring(0, 3))) {
                    throw invalid(ProblemMessage.of("foreign-permanent.nationality-2017"));
                }
                return new IdentityDocument(this, value, null, null, null);
            }
            throw invalid(ProblemMessage.of("foreign-permanent.length", "length", value.length()));
        }

        @Override
        boolean isGb11643(String number) {
            return number.length() == 18;
        }

        /** The 2017 card keeps its nationality in view. */
        @Override
        int[] maskedEnds(String number) {
            return number != null && number.length() == 15 ? new int[] {3, 4} : new int[] {4, 4};
        }
    };

    static final String ID_NUMBER = "idNumber";
    static final String NATIONALITY = "nationality";
    static final String DOCUMENT_TYPE = "documentType";

    private static final Pattern HK_MACAO_PASS_FORM = Pattern.compile("^[HM]\\d{8}(\\d{2})?$");
    private static final Pattern TAIWAN_PASS_FORM = Pattern.compile("^\\d{8}$|^\\d{10}(\\([A-Z0-9]\\))?$");
    private static final Pattern PERMANENT_RESIDENCE_2017_FORM = Pattern.compile("^[A-Z]{3}\\d{12}$");
    private static final Set<String> PERMIT_PREFIXES = Set.of("810000", "820000", "830000");
    private static final Set<String> ISO_ALPHA_3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    /** ASCII only: checked before upper-casing, which would turn ß into SS. */
    private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("^[A-Za-z0-9]+$");
    private static final List<String> TYPES = Arrays.stream(values()).map(Enum::name).toList();

    private final String label;
    private final boolean gb11643;
    private final int keepStart;
    private final int keepEnd;

    /**
     * @param gb11643   whether its numbers follow GB 11643 (birth date inside, the check character)
     * @param keepStart how many characters a masked number shows at its start
     * @param keepEnd   and at its end
     */
    DocumentType(String label, boolean gb11643, int keepStart, int keepEnd) {
        this.label = label;
        this.gb11643 = gb11643;
        this.keepStart = keepStart;
        this.keepEnd = keepEnd;
    }

    /** The document's Chinese name, as the mini-program shows it. */
    public String label() {
        return label;
    }

    /**
     * The type a request names; none (absent or blank) is {@link #RESIDENT_ID}, which every client sent before
     * there were others.
     *
     * @throws BusinessRuleViolation {@link ErrorCode#INVALID_DOCUMENT} on {@code documentType} for any other name
     */
    public static DocumentType of(String name) {
        if (name == null || name.isBlank()) {
            return RESIDENT_ID;
        }
        for (DocumentType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new BusinessRuleViolation(ErrorCode.INVALID_DOCUMENT, DOCUMENT_TYPE,
                ProblemMessage.of("document.unknown-type", "documentTypes", TYPES));
    }

    /**
     * Checks a number (and, for passports, the nationality) as a person entered it: surrounding whitespace is
     * ignored and letters are stored uppercase.
     *
     * @param today the date after which no one can have been born
     * @throws BusinessRuleViolation on {@code idNumber} ({@link ErrorCode#INVALID_RESIDENT_ID} for resident IDs,
     *                               else {@link ErrorCode#INVALID_DOCUMENT}) or on {@code nationality}
     */
    public IdentityDocument parse(String number, String nationality, LocalDate today) {
        if (this != PASSPORT && nationality != null && !nationality.isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_DOCUMENT, NATIONALITY,
                    ProblemMessage.of("document.nationality-only-passport", "document", this));
        }
        if (number == null || number.isBlank()) {
            throw new BusinessRuleViolation(this == RESIDENT_ID ? ErrorCode.INVALID_RESIDENT_ID
                    : ErrorCode.INVALID_DOCUMENT, ID_NUMBER, ProblemMessage.of("gb11643.enter", "document", this));
        }
        return check(number, nationality, today);
    }

    /**
     * A number as stored, read back without refusal (it was checked when stored, perhaps under an older rule):
     * the birth date and sex are derived where the number holds them and is still well-formed.
     */
    public IdentityDocument stored(String number, String nationality) {
        if (number == null || !isGb11643(number)) {
            return new IdentityDocument(this, number, nationality, null, null);
        }
        try {
            ResidentIdNumber id = ResidentIdNumber.parse(number, LocalDate.MAX);
            return new IdentityDocument(this, number, nationality, id.birthDate(),
                    this == FOREIGN_PERMANENT_RESIDENCE ? null : id.sex());
        } catch (BusinessRuleViolation notWellFormedNow) {
            return new IdentityDocument(this, number, nationality, null, null);
        }
    }

    /** Is this number of this type a GB 11643 one (birth date at characters 7 to 14, the check character)? */
    boolean isGb11643(String number) {
        return gb11643;
    }

    /**
     * What makes two documents one for "a document once per account": GB 11643 numbers are one number space
     * (a person has one, whichever card shows it), the others are their type's own.
     */
    String key(String number, String nationality) {
        return isGb11643(number) ? "GB11643:" + number : name() + ":" + number;
    }

    /** The number masked by this type's rule: the first and last characters kept ({@link #maskedEnds}). */
    String mask(String number) {
        int[] ends = maskedEnds(number);
        return Masking.keepEnds(number, ends[0], ends[1]);
    }

    /** How many characters stay visible at the start and the end. */
    int[] maskedEnds(String number) {
        return new int[] {keepStart, keepEnd};
    }

    abstract IdentityDocument check(String number, String nationality, LocalDate today);

    private static BusinessRuleViolation invalid(ProblemMessage message) {
        return new BusinessRuleViolation(ErrorCode.INVALID_DOCUMENT, ID_NUMBER, message);
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    private static String nationality(String nationality) {
        if (nationality == null || nationality.isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_DOCUMENT, NATIONALITY,
                    ProblemMessage.of("passport.nationality-missing"));
        }
        String code = nationality.strip();
        if (!code.matches("^[A-Za-z]{3}$") || !ISO_ALPHA_3.contains(upper(code))) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_DOCUMENT, NATIONALITY,
                    ProblemMessage.of("passport.nationality-invalid"));
        }
        return upper(code);
    }
}
