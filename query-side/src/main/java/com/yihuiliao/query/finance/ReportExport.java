package com.yihuiliao.query.finance;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A report's filtered rows as a file, streamed: read in keyset chunks through the query bus and written as they
 * come, so no export holds more than a chunk (and, for .xlsx, SXSSF's window of rows) in memory. Amounts are
 * yuan with two decimals, exact from fen ({@link #yuan}); times Asia/Shanghai; the last row holds the count and
 * the sum of every amount column of the rows written, so the totals are those of the file itself.
 */
final class ReportExport {

    /** Rows read per query while exporting. */
    static final int CHUNK = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType XLSX = MediaType.parseMediaType(XLSX_TYPE);
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** A file format of the exports. */
    enum Format {
        XLSX, CSV;

        static Format of(String value) {
            if (value == null || value.isBlank()) {
                return XLSX;
            }
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "xlsx" -> XLSX;
                case "csv" -> CSV;
                default -> throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                        "Parameter 'format' must be xlsx or csv.");
            };
        }
    }

    /** An amount in fen, written as yuan and summed in the totals row. */
    record Fen(long fen) {
    }

    /** A column: its header, what it shows of a row (text, a number, a date or a time; an amount's fen), and
     * whether it is an amount (written as yuan and summed in the totals row). */
    record Column<T>(String header, Function<T, Object> value, boolean amount) {
        static <T> Column<T> of(String header, Function<T, Object> value) {
            return new Column<>(header, value, false);
        }

        static <T> Column<T> fen(String header, java.util.function.ToLongFunction<T> fen) {
            return new Column<>(header, row -> new Fen(fen.applyAsLong(row)), true);
        }
    }

    /** The page after a cursor (null: the first) of the rows to export. */
    interface Chunks<T> {
        ListPage<T> after(String cursor);
    }

    /** One export: the file's name (no extension), its columns, its rows chunk by chunk, and how many there are. */
    record Plan<T>(String name, List<Column<T>> columns, Chunks<T> chunks, long total) {
    }

    static String fileName(String name, Format format) {
        return name + (format == Format.XLSX ? ".xlsx" : ".csv");
    }

    static String contentType(Format format) {
        return (format == Format.XLSX ? XLSX : CSV).toString();
    }

    /** Writes the whole file; {@code progress} hears the rows written so far after each chunk. */
    static <T> void write(OutputStream out, Format format, Plan<T> plan, LongConsumer progress) throws IOException {
        if (format == Format.XLSX) {
            xlsx(out, plan.name(), plan.columns(), plan.chunks(), progress);
        } else {
            csv(out, plan.columns(), plan.chunks(), progress);
        }
    }

    private ReportExport() {
    }

    /** The exact yuan of an amount in fen: {@code 123456} → {@code 1234.56}, {@code -5} → {@code -0.05}. */
    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    static <T> ResponseEntity<StreamingResponseBody> file(Format format, Plan<T> plan) {
        String filename = fileName(plan.name(), format);
        StreamingResponseBody body = out -> write(out, format, plan, rows -> { });
        return ResponseEntity.ok()
                .contentType(format == Format.XLSX ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** Sums of the amount columns and the count of the rows written so far. */
    private static final class Totals {
        final long[] sums;
        long count;

        Totals(int columns) {
            sums = new long[columns];
        }

        void add(Object[] values) {
            count++;
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Fen fen) {
                    sums[i] = Math.addExact(sums[i], fen.fen());
                }
            }
        }

        /** The totals row: "合计 N 条" first, each amount column's sum, blank elsewhere. */
        Object[] row(List<? extends Column<?>> columns) {
            Object[] row = new Object[columns.size()];
            row[0] = "合计 " + count + " 条";
            for (int i = 1; i < row.length; i++) {
                row[i] = columns.get(i).amount() ? new Fen(sums[i]) : null;
            }
            return row;
        }
    }

    private static <T> void each(List<Column<T>> columns, Chunks<T> chunks, RowSink sink, LongConsumer progress)
            throws IOException {
        String cursor = null;
        long written = 0;
        do {
            ListPage<T> page = chunks.after(cursor);
            for (T item : page.items()) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = columns.get(i).value().apply(item);
                }
                sink.row(values);
                written++;
            }
            progress.accept(written);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private interface RowSink {
        void row(Object[] values) throws IOException;
    }

    // --- CSV: UTF-8 with a BOM (so Excel reads the Chinese), RFC 4180 quoting, CRLF -----------------------

    private static <T> void csv(OutputStream out, List<Column<T>> columns, Chunks<T> chunks, LongConsumer progress)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        csvLine(writer, columns.stream().map(Column::header).toArray());
        Totals totals = new Totals(columns.size());
        each(columns, chunks, values -> {
            csvLine(writer, values);
            totals.add(values);
        }, progress);
        csvLine(writer, totals.row(columns));
        writer.flush();
    }

    private static void csvLine(Writer writer, Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvField(values[i]));
        }
        writer.write("\r\n");
    }

    static String csvField(Object value) {
        String text = text(value);
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            // a spreadsheet would take it for a formula (bill item names come from outside)
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Fen fen) {
            return yuan(fen.fen()).toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return TIME.format(time);
        }
        return value.toString();
    }

    // --- .xlsx: SXSSF keeps a window of rows in memory and writes the rest to a temporary file ----------------

    private static <T> void xlsx(OutputStream out, String name, List<Column<T>> columns, Chunks<T> chunks,
                                 LongConsumer progress) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet(name);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(bold);
            }
            int[] next = {1};
            Totals totals = new Totals(columns.size());
            each(columns, chunks, values -> {
                xlsxRow(sheet.createRow(next[0]++), values, money);
                totals.add(values);
            }, progress);
            xlsxRow(sheet.createRow(next[0]), totals.row(columns), money);
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static void xlsxRow(Row row, Object[] values, CellStyle money) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Fen fen) {
                // an Excel number is a binary double: the nearest one to the exact decimal, shown as it
                cell.setCellValue(yuan(fen.fen()).doubleValue());
                cell.setCellStyle(money);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.longValue());
            } else if (value instanceof LocalDate || value instanceof OffsetDateTime) {
                cell.setCellValue(text(value));
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }
}
