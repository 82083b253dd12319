package com.yihuiliao.command.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    static final InvoicePdf PDF = new InvoicePdf();
    // 10:30 in Shanghai on 24 November
    static final Instant PAID = Instant.parse("2026-11-24T02:30:05Z");

    static InvoiceDocument invoice(PaymentPurpose purpose, String patientName) {
        return new InvoiceDocument("YHL2026112400000007", "RG261124K3M9Q2XW7A", "BALRG261124K3M9Q2XW7A", patientName,
                3_000, purpose, PaymentChannel.BALANCE, PAID);
    }

    @Test
    void theInvoiceReadsBackWithItsNumberAmountAndPatient() throws Exception {
        byte[] bytes = PDF.render(invoice(PaymentPurpose.REGISTRATION, "张三"));

        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isLessThan(80 * 1024);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("YHL2026112400000007", "30.00", "叁拾元整", "张三", "医会聊示范医院",
                    "门诊收费电子票据", "挂号费", "门诊余额", "2026-11-24 10:30:05", "BALRG261124K3M9Q2XW7A",
                    new InvoiceDocument("YHL2026112400000007", "RG261124K3M9Q2XW7A", "BALRG261124K3M9Q2XW7A", "张三",
                            3_000, PaymentPurpose.REGISTRATION, PaymentChannel.BALANCE, PAID).checkCode());
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            // a subset: its name carries the six-letter subset tag
            assertThat(font.getName()).matches("^[A-Z]{6}\\+WenQuanYiMicroHei$");
        }
    }

    @Test
    void aTopUpIsAReceiptForTheDeposit() throws Exception {
        try (PDDocument document = Loader.loadPDF(PDF.render(invoice(PaymentPurpose.TOPUP, "李四")))) {
            assertThat(new PDFTextStripper().getText(document)).contains("预交金收据", "门诊预交金", "李四");
        }
    }

    @Test
    void aBillsInvoice_listsWhatWasCharged_onPagesOfItsOwn() throws Exception {
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        long total = 0;
        for (int i = 1; i <= InvoicePdf.LINES_PER_PAGE + 3; i++) {
            lines.add(new InvoiceDocument.Line("LAB" + i, "检验项目" + i, i, 1_250, i * 1_250L));
            total += i * 1_250L;
        }
        InvoiceDocument bill = new InvoiceDocument("YHL2026112400000008", "BL261124K3M9Q2XW7A",
                "BALANCE-BL261124K3M9Q2XW7A", "张三", total, PaymentPurpose.BILL, PaymentChannel.BALANCE, PAID, lines);

        try (PDDocument document = Loader.loadPDF(PDF.render(bill))) {
            assertThat(document.getNumberOfPages()).isEqualTo(3); // the invoice, then two pages of lines
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(document)).contains("收费明细清单（1/2）", "检验项目1", "LAB14", "12.50",
                    "175.00").doesNotContain("检验项目15");
            stripper.setStartPage(3);
            stripper.setEndPage(3);
            assertThat(stripper.getText(document)).contains("收费明细清单（2/2）", "检验项目17", "212.50", "合计",
                    ChineseAmount.yuan(total));
        }
    }

    @Test
    void aCreditNote_isRedLetterWithNegativeAmountsAndNamesTheInvoiceItCancels() throws Exception {
        InvoiceDocument credit = InvoiceDocument.creditNote("YHL2026112500000012", "YHL2026112400000007",
                "RF261124P3M9Q2XW7B", "RG261124K3M9Q2XW7A", "张三", 1_000, PaymentPurpose.REGISTRATION,
                PaymentChannel.WECHAT, PAID);
        try (PDDocument document = Loader.loadPDF(PDF.render(credit))) {
            assertThat(new PDFTextStripper().getText(document)).contains("门诊收费电子票据（红字）",
                    "YHL2026112500000012", "原票据号码：YHL2026112400000007", "退款单号：RF261124P3M9Q2XW7B",
                    "-10.00", "负壹拾元整", "退款方式：微信支付", "退费 · 挂号费");
        }
    }

    @Test
    void aCharacterTheFontLacksDoesNotFailTheInvoice() throws Exception {
        // U+2A6D6 (CJK Extension B) is not in WenQuanYi Micro Hei
        try (PDDocument document = Loader.loadPDF(PDF.render(invoice(PaymentPurpose.BILL, "王\uD869\uDED6")))) {
            assertThat(new PDFTextStripper().getText(document)).contains("王□", "门诊缴费");
        }
    }

    @Test
    void theCheckCodeIsTwentyDigitsThatFollowFromTheInvoice() {
        String code = invoice(PaymentPurpose.REGISTRATION, "张三").checkCode();

        assertThat(code).matches("^\\d{5} \\d{5} \\d{5} \\d{5}$");
        assertThat(invoice(PaymentPurpose.REGISTRATION, "李四").checkCode()).isEqualTo(code);
    }
}
