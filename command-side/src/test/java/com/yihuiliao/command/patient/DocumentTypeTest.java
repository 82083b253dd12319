package com.yihuiliao.command.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import java.time.LocalDate;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each document type's published number rule. The 18-digit numbers carry their real GB 11643 check
 * character; 810000199408230021 and 830000199201300022 are the sample residence permits the Beijing police
 * published, 932682198501010017 a sample of the 2023 permanent residence card.
 */
class DocumentTypeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void anAbsentTypeIsTheResidentIdSoExistingClientsKeepWorking() {
        assertThat(DocumentType.of(null)).isEqualTo(DocumentType.RESIDENT_ID);
        assertThat(DocumentType.of(" ")).isEqualTo(DocumentType.RESIDENT_ID);
        assertThat(DocumentType.of("PASSPORT")).isEqualTo(DocumentType.PASSPORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DRIVING_LICENCE", "passport", "RESIDENT_ID "})
    void anUnknownTypeIsRefusedNamingTheField(String type) {
        assertThatThrownBy(() -> DocumentType.of(type))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> {
                    assertThat(((BusinessRuleViolation) e).code()).isEqualTo(ErrorCode.INVALID_DOCUMENT);
                    assertThat(((BusinessRuleViolation) e).field()).isEqualTo("documentType");
                })
                .hasMessageContaining("PASSPORT").hasMessageContaining("FOREIGN_PERMANENT_RESIDENCE");
    }

    @Nested
    class ResidentId {

        @Test
        void theGb11643RuleAsBefore() {
            IdentityDocument id = DocumentType.RESIDENT_ID.parse("11010519491231002x", null, TODAY);
            assertThat(id.number()).isEqualTo("11010519491231002X");
            assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
            assertThat(id.sex()).isEqualTo(Sex.FEMALE);
            assertThat(id.masked()).isEqualTo("1101**********002X");
        }

        @Test
        void aBadNumberKeepsItsOwnCode() {
            assertRefused(DocumentType.RESIDENT_ID, "110101199003071234", null, ErrorCode.INVALID_RESIDENT_ID, "idNumber")
                    .hasMessageContaining("does not match");
        }

        @ParameterizedTest
        @ValueSource(strings = {"810000199408230021", "932682198501010017"})
        void aPermitNumberIsSentToItsOwnType(String number) {
            assertRefused(DocumentType.RESIDENT_ID, number, null, ErrorCode.INVALID_RESIDENT_ID, "idNumber")
                    .hasMessageContaining("documentType");
        }

        @Test
        void takesNoNationality() {
            assertRefused(DocumentType.RESIDENT_ID, "110101199003071233", "CHN", ErrorCode.INVALID_DOCUMENT, "nationality");
        }
    }

    @Nested
    class Passport {

        @Test
        void fiveToSeventeenLettersAndDigitsUppercasedWithItsNationality() {
            IdentityDocument passport = DocumentType.PASSPORT.parse(" e12345678 ", "chn", TODAY);
            assertThat(passport.number()).isEqualTo("E12345678");
            assertThat(passport.nationality()).isEqualTo("CHN");
            assertThat(passport.masked()).isEqualTo("E1****678");
            assertThat(passport.birthDate()).isNull();
            assertThat(DocumentType.PASSPORT.parse("AB123", "GBR", TODAY).number()).isEqualTo("AB123");
            assertThat(DocumentType.PASSPORT.parse("12345678901234567", "USA", TODAY).number()).hasSize(17);
        }

        @ParameterizedTest
        @ValueSource(strings = {"E123", "123456789012345678", "E1234 5678", "E1234-5678", "Ｅ12345678", "É12345678", ""})
        void otherNumbersAreRefused(String number) {
            assertRefused(DocumentType.PASSPORT, number, "CHN", ErrorCode.INVALID_DOCUMENT, "idNumber");
        }

        @ParameterizedTest
        @ValueSource(strings = {"CN", "ZZZ", "CHINA", "C1N"})
        void theNationalityIsAnIso3166Alpha3Code(String nationality) {
            assertRefused(DocumentType.PASSPORT, "E12345678", nationality, ErrorCode.INVALID_DOCUMENT, "nationality")
                    .hasMessageContaining("ISO 3166-1");
        }

        @Test
        void theNationalityIsRequired() {
            assertRefused(DocumentType.PASSPORT, "E12345678", null, ErrorCode.INVALID_DOCUMENT, "nationality");
        }

        @Test
        void theSameNumberOfTwoCountriesIsTwoDocuments() {
            assertThat(DocumentType.PASSPORT.parse("X1234567", "FRA", TODAY).key())
                    .isNotEqualTo(DocumentType.PASSPORT.parse("X1234567", "DEU", TODAY).key());
        }
    }

    @Nested
    class ResidencePermit {

        @Test
        void gb11643WithTheHongKongMacaoOrTaiwanPrefix() {
            IdentityDocument hk = DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT.parse("810000199408230021", null, TODAY);
            assertThat(hk.birthDate()).isEqualTo(LocalDate.of(1994, 8, 23));
            assertThat(hk.sex()).isEqualTo(Sex.FEMALE);
            assertThat(hk.masked()).isEqualTo("8100**********0021");
            assertThat(DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT.parse("830000199201300022", null, TODAY).birthDate())
                    .isEqualTo(LocalDate.of(1992, 1, 30));
            assertThat(DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT.parse("820000200105150013", null, TODAY).sex())
                    .isEqualTo(Sex.MALE);
        }

        @Test
        void aWrongCheckCharacterIsRefused() {
            assertRefused(DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT, "810000199408230022", null,
                    ErrorCode.INVALID_DOCUMENT, "idNumber").hasMessageContaining("does not match");
        }

        @Test
        void anotherPrefixIsRefused() {
            // a valid mainland resident ID, and 810001… with a correct check character
            assertRefused(DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT, "110101199003071233", null,
                    ErrorCode.INVALID_DOCUMENT, "idNumber").hasMessageContaining("810000");
            assertRefused(DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT, "530102198001010015", null,
                    ErrorCode.INVALID_DOCUMENT, "idNumber").hasMessageContaining("830000");
        }

        @Test
        void aBirthDateInTheFutureIsRefused() {
            assertRefused(DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT, "810000202701010014", null,
                    ErrorCode.INVALID_DOCUMENT, "idNumber").hasMessageContaining("future");
        }

        @Test
        void sharesItsNumberSpaceWithTheResidentId() {
            // one GB 11643 number is one person, whichever of its documents was chosen
            assertThat(DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT.key("810000199408230021", null))
                    .isEqualTo(DocumentType.RESIDENT_ID.key("810000199408230021", null));
        }
    }

    @Nested
    class HongKongMacaoPass {

        @Test
        void hOrMAndEightDigitsOrTheOlderTen() {
            IdentityDocument card = DocumentType.HK_MACAO_PASS.parse("h12345678", null, TODAY);
            assertThat(card.number()).isEqualTo("H12345678");
            assertThat(card.masked()).isEqualTo("H1****678");
            assertThat(DocumentType.HK_MACAO_PASS.parse("M1234567801", null, TODAY).masked()).isEqualTo("M1******801");
        }

        @Test
        void theOlderFormIsTheSameHolderAsTheNewer() {
            // the first nine characters are the holder's lifelong number; the last two, the times it was renewed
            assertThat(DocumentType.HK_MACAO_PASS.key("H1234567802", null))
                    .isEqualTo(DocumentType.HK_MACAO_PASS.key("H12345678", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"X12345678", "H1234567", "H123456789", "H123456780123", "12345678", "HH2345678", "H1234567A"})
        void otherNumbersAreRefused(String number) {
            assertRefused(DocumentType.HK_MACAO_PASS, number, null, ErrorCode.INVALID_DOCUMENT, "idNumber");
        }
    }

    @Nested
    class TaiwanPass {

        @Test
        void eightDigitsOrTheOlderTenWithTheIssuingOfficeInBrackets() {
            IdentityDocument card = DocumentType.TAIWAN_PASS.parse("12345678", null, TODAY);
            assertThat(card.masked()).isEqualTo("12***678");
            assertThat(DocumentType.TAIWAN_PASS.parse("0561682001", null, TODAY).number()).isEqualTo("0561682001");
            // a Chinese input method gives full-width brackets
            assertThat(DocumentType.TAIWAN_PASS.parse("0561682001（d）", null, TODAY).number()).isEqualTo("0561682001(D)");
        }

        @Test
        void theOlderFormIsTheSameHolderAsTheNewer() {
            assertThat(DocumentType.TAIWAN_PASS.key("0561682001(D)", null))
                    .isEqualTo(DocumentType.TAIWAN_PASS.key("05616820", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567", "123456789", "12345678901", "A1234567", "0561682001(DD)", "0561682001()", "05616820(D)"})
        void otherNumbersAreRefused(String number) {
            assertRefused(DocumentType.TAIWAN_PASS, number, null, ErrorCode.INVALID_DOCUMENT, "idNumber");
        }
    }

    @Nested
    class ForeignPermanentResidence {

        @Test
        void the2023FormIsGb11643StartingWith9() {
            IdentityDocument card = DocumentType.FOREIGN_PERMANENT_RESIDENCE.parse("932682198501010017", null, TODAY);
            assertThat(card.birthDate()).isEqualTo(LocalDate.of(1985, 1, 1));
            assertThat(card.masked()).isEqualTo("9326**********0017");
            assertThat(DocumentType.FOREIGN_PERMANENT_RESIDENCE.parse("92115620251120003x", null, TODAY).number())
                    .isEqualTo("92115620251120003X");
        }

        @Test
        void the2017FormIsANationalityAndTwelveDigits() {
            IdentityDocument card = DocumentType.FOREIGN_PERMANENT_RESIDENCE.parse("kaz110090123105", null, TODAY);
            assertThat(card.number()).isEqualTo("KAZ110090123105");
            assertThat(card.masked()).isEqualTo("KAZ********3105");
            assertThat(card.birthDate()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "932682198501010018", // wrong check character
                "110101199003071233", // a resident ID: does not start with 9
                "932682198502300016", // 1985-02-30
                "ZZZ110090123105",    // not a nationality
                "KA1110090123105",
                "KAZ11009012310",
                "KAZ1100901231055",
                "9326821985010100"})
        void otherNumbersAreRefused(String number) {
            assertRefused(DocumentType.FOREIGN_PERMANENT_RESIDENCE, number, null, ErrorCode.INVALID_DOCUMENT, "idNumber");
        }
    }

    @Test
    void refusalsNeverRepeatTheNumber() {
        assertRefused(DocumentType.PASSPORT, "E1234 5678", "CHN", ErrorCode.INVALID_DOCUMENT, "idNumber")
                .message().doesNotContain("E1234");
        assertRefused(DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT, "810000199408230022", null,
                ErrorCode.INVALID_DOCUMENT, "idNumber").message().doesNotContain("810000199408230022");
    }

    @Test
    void toStringIsMasked() {
        assertThat(DocumentType.PASSPORT.parse("E12345678", "CHN", TODAY).toString())
                .contains("E1****678").doesNotContain("E12345678");
    }

    @Test
    void aStoredNumberIsReadWithoutRefusal() {
        // what was stored under an older rule stays readable
        IdentityDocument legacy = DocumentType.RESIDENT_ID.stored("810000199408230021", null);
        assertThat(legacy.birthDate()).isEqualTo(LocalDate.of(1994, 8, 23));
        assertThat(DocumentType.PASSPORT.stored("E12345678", "CHN").masked()).isEqualTo("E1****678");
        assertThat(DocumentType.RESIDENT_ID.stored("garbage", null).birthDate()).isNull();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(DocumentType type, String number,
            String nationality, ErrorCode code, String field) {
        return assertThatThrownBy(() -> type.parse(number, nationality, TODAY))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> {
                    assertThat(((BusinessRuleViolation) e).code()).isEqualTo(code);
                    assertThat(((BusinessRuleViolation) e).field()).isEqualTo(field);
                });
    }
}
