package com.yihuiliao.query.rebuild;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How a live table and its shadow are compared: each row's checksum keyed by its key columns, then, for the keys
 * whose checksums differ or that one side lacks, which columns differ. Values are compared as the database
 * answers them (both tables have the same DDL), as text; bytes as hex.
 */
public final class RowComparison {

    public enum Kind { MISSING_LIVE, MISSING_SHADOW, DIFFERS }

    /** One differing row: its table, its key (column → value), what differs, and for DIFFERS which columns. */
    public record Difference(String table, Map<String, String> key, Kind kind, List<String> columns) {
    }

    private RowComparison() {
    }

    /** A row's values as text, by lower-case column name, in the table's column order. */
    static Map<String, String> normalized(Map<String, Object> row) {
        Map<String, String> values = new LinkedHashMap<>();
        row.forEach((column, value) -> values.put(column.toLowerCase(java.util.Locale.ROOT), text(value)));
        return values;
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a text column", e);
            }
        }
        return value.toString();
    }

    /** The row's key: its key columns' values, in the key's order. */
    static List<String> key(Map<String, String> row, List<String> keyColumns) {
        List<String> key = new ArrayList<>(keyColumns.size());
        for (String column : keyColumns) {
            if (!row.containsKey(column)) {
                throw new IllegalStateException("No key column " + column + " in " + row.keySet());
            }
            key.add(row.get(column));
        }
        return key;
    }

    /** A checksum of every value of the row (null apart from the text "null"). */
    static long checksum(Map<String, String> row) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> column : row.entrySet()) {
            digest.update(column.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (column.getValue() == null) {
                digest.update((byte) 1);
            } else {
                digest.update((byte) 2);
                digest.update(column.getValue().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    /** The keys whose checksums differ, or that only one side has; sorted, so reports read the same each time. */
    static List<List<String>> differingKeys(Map<List<String>, Long> live, Map<List<String>, Long> shadow) {
        TreeSet<List<String>> keys = new TreeSet<>(RowComparison::compareKeys);
        live.forEach((key, sum) -> {
            if (!Objects.equals(sum, shadow.get(key))) {
                keys.add(key);
            }
        });
        shadow.keySet().stream().filter(key -> !live.containsKey(key)).forEach(keys::add);
        return List.copyOf(keys);
    }

    /** What differs in one key's rows; null when they are equal (or both absent). */
    static Difference describe(String table, List<String> keyColumns, List<String> key, Map<String, String> live,
                               Map<String, String> shadow) {
        if (live == null && shadow == null) {
            return null;
        }
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            named.put(keyColumns.get(i), key.get(i));
        }
        if (live == null) {
            return new Difference(table, named, Kind.MISSING_LIVE, List.of());
        }
        if (shadow == null) {
            return new Difference(table, named, Kind.MISSING_SHADOW, List.of());
        }
        List<String> columns = new ArrayList<>();
        live.forEach((column, value) -> {
            if (!shadow.containsKey(column) || !Objects.equals(value, shadow.get(column))) {
                columns.add(column);
            }
        });
        shadow.keySet().stream().filter(column -> !live.containsKey(column)).forEach(columns::add);
        return columns.isEmpty() ? null : new Difference(table, named, Kind.DIFFERS, List.copyOf(columns));
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Objects.compare(a.get(i), b.get(i), java.util.Comparator.nullsFirst(String::compareTo));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
