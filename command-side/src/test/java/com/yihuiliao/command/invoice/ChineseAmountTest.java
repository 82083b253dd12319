package com.yihuiliao.command.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAmountTest {

    @ParameterizedTest(name = "{0} fen = {1}")
    @CsvSource({
            "1, 壹分",
            "10, 壹角",
            "50, 伍角",
            "56, 伍角陆分",
            "100, 壹元整",
            "1000, 壹拾元整",
            "3000, 叁拾元整",
            "3005, 叁拾元零伍分",
            "3050, 叁拾元伍角",
            "100105, 壹仟零壹元零伍分",
            "100000050, 壹佰万元伍角",
            "1000100, 壹万零壹元整",
            "1001000, 壹万零壹拾元整",
            "10010000, 壹拾万零壹佰元整",
            "1010100000, 壹仟零壹拾万壹仟元整",
            "10000000000, 壹亿元整",
            "10000100000, 壹亿零壹仟元整",
            "10001000000, 壹亿零壹万元整",
            "10000000100, 壹亿零壹元整",
            "12345678912, 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分",
            "0, 零元整"})
    void capitals(long fen, String expected) {
        assertThat(ChineseAmount.inCapitals(fen)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fen = {1}")
    @CsvSource({"1, 0.01", "3000, 30.00", "100000050, 1000000.50", "100105, 1001.05", "0, 0.00"})
    void yuanFromFenExactly(long fen, String expected) {
        assertThat(ChineseAmount.yuan(fen)).isEqualTo(expected);
    }

    @Test
    void negativeAmountsAreNotWritten() {
        assertThatThrownBy(() -> ChineseAmount.inCapitals(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
