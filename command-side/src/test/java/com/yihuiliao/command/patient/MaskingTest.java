package com.yihuiliao.command.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumberKeepsTheFirstAndLastFour() {
        assertThat(Masking.idNumber("110101199003071234")).isEqualTo("1101**********1234");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @Test
    void phoneKeepsTheFirstThreeAndLastFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void nullStaysNull() {
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(Masking.idNumber("")).isEmpty();
        assertThat(Masking.phone("")).isEmpty();
    }

    @Test
    void valuesTooShortToKeepTheirEndsAreMaskedEntirely() {
        assertThat(Masking.idNumber("12345678")).isEqualTo("********");
        assertThat(Masking.idNumber("1234")).isEqualTo("****");
        assertThat(Masking.phone("1381234")).isEqualTo("*******");
    }

    @Test
    void otherLengthsKeepTheSameEnds() {
        assertThat(Masking.idNumber("123456789")).isEqualTo("1234*6789");
        assertThat(Masking.phone("12345678")).isEqualTo("123*5678");
        assertThat(Masking.idNumber("11010119900307123")).isEqualTo("1101*********7123");
    }

    @Test
    void eachDocumentTypeKeepsItsOwnEnds() {
        assertThat(Masking.document(DocumentType.RESIDENT_ID, "110101199003071234")).isEqualTo("1101**********1234");
        assertThat(Masking.document(DocumentType.HK_MACAO_TAIWAN_RESIDENCE_PERMIT, "810000199408230021"))
                .isEqualTo("8100**********0021");
        assertThat(Masking.document(DocumentType.PASSPORT, "E12345678")).isEqualTo("E1****678");
        assertThat(Masking.document(DocumentType.HK_MACAO_PASS, "H12345678")).isEqualTo("H1****678");
        assertThat(Masking.document(DocumentType.TAIWAN_PASS, "12345678")).isEqualTo("12***678");
        // the 2017 permanent residence card keeps its nationality, the 2023 one the ends of a GB 11643 number
        assertThat(Masking.document(DocumentType.FOREIGN_PERMANENT_RESIDENCE, "KAZ110090123105")).isEqualTo("KAZ********3105");
        assertThat(Masking.document(DocumentType.FOREIGN_PERMANENT_RESIDENCE, "932682198501010017"))
                .isEqualTo("9326**********0017");
    }

    @Test
    void aShortPassportIsMaskedEntirely() {
        assertThat(Masking.document(DocumentType.PASSPORT, "AB123")).isEqualTo("*****");
        assertThat(Masking.document(DocumentType.PASSPORT, null)).isNull();
    }
}
