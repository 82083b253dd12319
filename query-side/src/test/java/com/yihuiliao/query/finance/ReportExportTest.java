package com.yihuiliao.query.finance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportExportTest {

    @Test
    void yuanAreExactFromFen() {
        assertThat(ReportExport.yuan(123_456).toPlainString()).isEqualTo("1234.56");
        assertThat(ReportExport.yuan(5).toPlainString()).isEqualTo("0.05");
        assertThat(ReportExport.yuan(-5).toPlainString()).isEqualTo("-0.05");
        assertThat(ReportExport.yuan(0).toPlainString()).isEqualTo("0.00");
        // beyond a double's exact integers, still exact
        assertThat(ReportExport.yuan(9_007_199_254_740_993L).toPlainString()).isEqualTo("90071992547409.93");
    }

    @Test
    void csvFieldsAreQuotedAndNeverAFormula() {
        assertThat(ReportExport.csvField("血常规")).isEqualTo("血常规");
        assertThat(ReportExport.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportExport.csvField("说\"明\"")).isEqualTo("\"说\"\"明\"\"\"");
        assertThat(ReportExport.csvField("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK(");
        assertThat(ReportExport.csvField("+1")).isEqualTo("'+1");
        assertThat(ReportExport.csvField(new ReportExport.Fen(-150))).isEqualTo("-1.50");
        assertThat(ReportExport.csvField(null)).isEmpty();
    }

    @Test
    void aFormatIsXlsxOrCsv() {
        assertThat(ReportExport.Format.of(null)).isEqualTo(ReportExport.Format.XLSX);
        assertThat(ReportExport.Format.of("CSV")).isEqualTo(ReportExport.Format.CSV);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportExport.Format.of("pdf"))
                .isInstanceOf(com.yihuiliao.api.BusinessRuleViolation.class);
    }
}
