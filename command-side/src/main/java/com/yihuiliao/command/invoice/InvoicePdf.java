package com.yihuiliao.command.invoice;

import com.yihuiliao.api.Clocks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Renders an invoice as a one-page PDF (A5 landscape) with PDFBox. The JDK has no Chinese font, so
 * WenQuanYi Micro Hei (Apache-2.0, shipped in {@code fonts/}) is embedded as a subset of the glyphs used:
 * the file stays a few tens of KB. Thread-safe: each rendering parses its own copy of the font.
 */
@Component
public class InvoicePdf {

    static final String FONT = "fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final int LINES_PER_PAGE = 14;

    private final byte[] fontFile;

    public InvoicePdf() {
        try (InputStream in = InvoicePdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " is not on the classpath");
            }
            fontFile = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(InvoiceDocument invoice) {
        try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(fontFile));
             PDDocument pdf = new PDDocument()) {
            TrueTypeFont ttf = collection.getFontByName(FONT_NAME);
            CmapLookup glyphs = ttf.getUnicodeCmapLookup();
            PDType0Font font = PDType0Font.load(pdf, ttf, true);
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A5.getHeight(), PDRectangle.A5.getWidth()));
            pdf.addPage(page);
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream canvas = new PDPageContentStream(pdf, page)) {
                centred(canvas, font, 18, InvoiceDocument.HOSPITAL, width, height - 50);
                centred(canvas, font, 15, invoice.title(), width, height - 74);
                canvas.setLineWidth(0.8f);
                canvas.addRect(36, 70, width - 72, height - 160);
                canvas.stroke();
                float left = 50;
                float y = height - 112;
                line(canvas, font, left, y, "票据号码：" + invoice.invoiceNo());
                line(canvas, font, width / 2 + 20, y, "开票日期：" + DATE.format(invoice.issuedAt().atZone(Clocks.HOSPITAL_ZONE)));
                y -= 26;
                line(canvas, font, left, y, "交款人：" + printable(glyphs, invoice.patientName()));
                line(canvas, font, width / 2 + 20, y, "收费时间：" + TIME.format(invoice.issuedAt().atZone(Clocks.HOSPITAL_ZONE)));
                y -= 26;
                // a credit note's amounts are negative: it cancels that much of the original invoice
                String sign = invoice.isCreditNote() ? "-" : "";
                line(canvas, font, left, y, "项目：" + (invoice.isCreditNote() ? "退费 · " : "") + invoice.purposeLabel());
                line(canvas, font, width / 2 + 20, y, "金额（元）：" + sign + ChineseAmount.yuan(invoice.amountFen()));
                y -= 26;
                line(canvas, font, left, y, "合计（大写）：" + (invoice.isCreditNote() ? "负" : "")
                        + ChineseAmount.inCapitals(invoice.amountFen()));
                line(canvas, font, width / 2 + 20, y, "合计（小写）：¥" + sign + ChineseAmount.yuan(invoice.amountFen()));
                y -= 26;
                line(canvas, font, left, y, (invoice.isCreditNote() ? "退款方式：" : "支付方式：") + invoice.channelLabel());
                line(canvas, font, width / 2 + 20, y, "订单号：" + invoice.outTradeNo());
                y -= 26;
                if (invoice.isCreditNote()) {
                    line(canvas, font, left, y, "原票据号码：" + invoice.originalInvoiceNo());
                    line(canvas, font, width / 2 + 20, y, "退款单号：" + invoice.outRefundNo());
                } else {
                    line(canvas, font, left, y, "交易流水号：" + invoice.transactionId());
                }
                y -= 26;
                line(canvas, font, left, y, "校验码：" + invoice.checkCode());
                line(canvas, font, left, 48, "收款单位（章）：" + InvoiceDocument.HOSPITAL + "财务科");
                line(canvas, font, width / 2 + 20, 48, "本票据由医会聊电子票据系统开具");
            }
            itemised(pdf, font, glyphs, invoice);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(invoice.title() + " " + invoice.invoiceNo());
            info.setAuthor(InvoiceDocument.HOSPITAL);
            info.setCreator("医会聊 Yihuiliao");
            Calendar created = GregorianCalendar.from(invoice.issuedAt().atZone(Clocks.HOSPITAL_ZONE));
            created.setTimeZone(TimeZone.getTimeZone(Clocks.HOSPITAL_ZONE));
            info.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render invoice " + invoice.invoiceNo(), e);
        }
    }

    /** The bill's lines on pages of their own (收费明细清单), {@link #LINES_PER_PAGE} a page, totalled on the last. */
    private static void itemised(PDDocument pdf, PDType0Font font, CmapLookup glyphs, InvoiceDocument invoice)
            throws IOException {
        List<InvoiceDocument.Line> lines = invoice.lines();
        int pages = (lines.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE;
        for (int p = 0; p < pages; p++) {
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A5.getHeight(), PDRectangle.A5.getWidth()));
            pdf.addPage(page);
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            float[] columns = {50, 120, 330, 390, 470};
            try (PDPageContentStream canvas = new PDPageContentStream(pdf, page)) {
                centred(canvas, font, 14, "收费明细清单（" + (p + 1) + "/" + pages + "）", width, height - 44);
                line(canvas, font, 50, height - 66, "票据号码：" + invoice.invoiceNo());
                line(canvas, font, width / 2 + 20, height - 66, "交款人：" + printable(glyphs, invoice.patientName()));
                float y = height - 92;
                String[] header = {"编码", "项目名称", "数量", "单价（元）", "金额（元）"};
                for (int c = 0; c < header.length; c++) {
                    line(canvas, font, columns[c], y, header[c]);
                }
                for (InvoiceDocument.Line item : lines.subList(p * LINES_PER_PAGE,
                        Math.min(lines.size(), (p + 1) * LINES_PER_PAGE))) {
                    y -= 16;
                    line(canvas, font, columns[0], y, printable(glyphs, item.code()));
                    line(canvas, font, columns[1], y, printable(glyphs, item.name()));
                    line(canvas, font, columns[2], y, String.valueOf(item.quantity()));
                    line(canvas, font, columns[3], y, ChineseAmount.yuan(item.unitPriceFen()));
                    line(canvas, font, columns[4], y, ChineseAmount.yuan(item.amountFen()));
                }
                if (p == pages - 1) {
                    line(canvas, font, columns[3], y - 24, "合计");
                    line(canvas, font, columns[4], y - 24, ChineseAmount.yuan(invoice.amountFen()));
                }
            }
        }
    }

    /** A rare character the font lacks (some names have them) is shown as □ instead of failing the invoice. */
    static String printable(CmapLookup glyphs, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(glyphs.getGlyphId(c) == 0 ? '□' : c));
        return out.toString();
    }

    private static void centred(PDPageContentStream canvas, PDType0Font font, float size, String text, float pageWidth,
                                float y) throws IOException {
        float textWidth = font.getStringWidth(text) / 1000 * size;
        canvas.beginText();
        canvas.setFont(font, size);
        canvas.newLineAtOffset((pageWidth - textWidth) / 2, y);
        canvas.showText(text);
        canvas.endText();
    }

    private static void line(PDPageContentStream canvas, PDType0Font font, float x, float y, String text)
            throws IOException {
        canvas.beginText();
        canvas.setFont(font, 10.5f);
        canvas.newLineAtOffset(x, y);
        canvas.showText(text);
        canvas.endText();
    }
}
