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
}
