package com.yihuiliao.command.payment.wechatpay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads WeChat Pay's trade bill CSV (ALL): a detail header, detail rows, a summary header and one summary row,
 * every field after a backtick (so spreadsheets keep long numbers), amounts in yuan. Columns are found by their
 * header names, whose order WeChat Pay does not promise. The summary is checked against the rows (count, order
 * settled and refund sums), so a truncated or altered file is refused rather than reconciled. Yuan become fen exactly
 * ({@link #fen}), never through a floating-point number.
 */
public final class TradeBillParser {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String SUMMARY_FIRST = "总交易单数";

    private TradeBillParser() {
    }

    /** A bill that does not read as WeChat Pay's format. */
    public static final class MalformedBill extends RuntimeException {
        public MalformedBill(String message) {
            super(message);
        }
    }

    public static TradeBill parse(LocalDate date, String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return new TradeBill(date, List.of());
        }
        List<String> header = fields(lines.get(0));
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        for (String name : List.of("交易时间", "微信订单号", "商户订单号", "交易状态", "商户退款单号", "退款状态", "订单金额", "申请退款金额")) {
            if (!column.containsKey(name)) {
                throw new MalformedBill("the bill's header has no column " + name);
            }
        }
        int goods = column.getOrDefault("商品名称", -1);
        List<TradeBill.Entry> entries = new ArrayList<>();
        long settled = 0;
        int line = 1;
        for (; line < lines.size() && !lines.get(line).startsWith(SUMMARY_FIRST); line++) {
            List<String> row = fields(lines.get(line));
            if (row.size() > header.size() && goods >= 0) {
                // a comma inside the goods' name: its extra pieces belong to that column
                int extra = row.size() - header.size();
                String name = String.join(",", row.subList(goods, goods + extra + 1));
                List<String> joined = new ArrayList<>(row.subList(0, goods));
                joined.add(name);
                joined.addAll(row.subList(goods + extra + 1, row.size()));
                row = joined;
            }
            if (row.size() != header.size()) {
                throw new MalformedBill("row " + (line + 1) + " has " + row.size() + " fields, the header " + header.size());
            }
            entries.add(entry(row, column, line + 1));
            if (column.containsKey("应结订单金额")) {
                settled += fen(row.get(column.get("应结订单金额")));
            }
        }
        if (line + 1 >= lines.size()) {
            throw new MalformedBill("the bill has no summary");
        }
        checkSummary(fields(lines.get(line)), fields(lines.get(line + 1)), entries, settled);
        return new TradeBill(date, entries);
    }

    private static TradeBill.Entry entry(List<String> row, Map<String, Integer> column, int number) {
        String state = row.get(column.get("交易状态"));
        TradeBill.Kind kind = switch (state) {
            case "SUCCESS" -> TradeBill.Kind.PAYMENT;
            case "REFUND" -> TradeBill.Kind.REFUND;
            default -> throw new MalformedBill("row " + number + " has trade state " + state);
        };
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(row.get(column.get("交易时间")), TIME);
        } catch (DateTimeParseException e) {
            throw new MalformedBill("row " + number + " has no time yyyy-MM-dd HH:mm:ss");
        }
        String outRefundNo = row.get(column.get("商户退款单号"));
        boolean refund = kind == TradeBill.Kind.REFUND;
        return new TradeBill.Entry(kind, time, row.get(column.get("商户订单号")), row.get(column.get("微信订单号")),
                refund ? outRefundNo : null, refund ? row.get(column.get("退款状态")) : null,
                fen(row.get(column.get("订单金额"))), refund ? fen(row.get(column.get("申请退款金额"))) : 0);
    }

    private static void checkSummary(List<String> header, List<String> values, List<TradeBill.Entry> entries,
                                     long settled) {
        if (header.size() != values.size()) {
            throw new MalformedBill("the summary's header and row differ in length");
        }
        Map<String, String> summary = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            summary.put(header.get(i), values.get(i));
        }
        long count;
        try {
            count = Long.parseLong(summary.getOrDefault(SUMMARY_FIRST, ""));
        } catch (NumberFormatException e) {
            throw new MalformedBill("the summary has no count");
        }
        long refunds = entries.stream().mapToLong(TradeBill.Entry::refundFen).sum();
        if (count != entries.size()
                || (summary.containsKey("应结订单总金额") && fen(summary.get("应结订单总金额")) != settled)
                || (summary.containsKey("申请退款总金额") && fen(summary.get("申请退款总金额")) != refunds)) {
            throw new MalformedBill("the summary (" + count + " rows) does not add up to the " + entries.size() + " rows");
        }
    }

    /** A line's fields, each without its leading backtick. */
    static List<String> fields(String line) {
        return Arrays.stream(line.split(",", -1)).map(f -> f.startsWith("`") ? f.substring(1) : f).map(String::trim)
                .toList();
    }

    /**
     * Yuan as WeChat Pay writes them ({@code 30.00}, {@code -0.18}, {@code 5}) to fen, exactly: a value with
     * fractions of a fen, or not a number, is refused.
     */
    public static long fen(String yuan) {
        if (yuan == null || !yuan.matches("-?\\d{1,13}(\\.\\d{1,2})?")) {
            throw new MalformedBill("not an amount in yuan: " + yuan);
        }
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
