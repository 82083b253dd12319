package com.yihuiliao.projection;

import com.yihuiliao.api.Cursor;
import com.yihuiliao.api.ListPage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A list read by keyset: rows in a fixed order whose last column is unique, each page the rows after the
 * previous page's last key. Unlike an offset, rows added or removed between two reads neither repeat nor skip
 * a row, and a page costs an index range however deep it is. The key is spelled out as
 * {@code a < ? OR (a = ? AND b < ?)} rather than a row comparison, which MariaDB does not read by index.
 */
public final class Keyset<T> {

    /** How a key column's value is carried in the cursor and bound in SQL. */
    public enum Type {
        STRING, LONG, DATE, INSTANT;

        Object parse(String value) {
            return switch (this) {
                case STRING -> value;
                case LONG -> Long.parseLong(value);
                case DATE -> LocalDate.parse(value);
                case INSTANT -> Utc.of(Instant.parse(value));
            };
        }
    }

    /** A column (or qualified column) of the order. */
    public record Column(String sql, Type type, boolean descending) {
    }

    public static Column desc(String sql, Type type) {
        return new Column(sql, type, true);
    }

    public static Column asc(String sql, Type type) {
        return new Column(sql, type, false);
    }

    private final String list;
    private final Function<T, Object[]> key;
    private final List<Column> columns;

    /**
     * @param list the list's name, which its cursors carry (another list's cursor is refused)
     * @param key  an item's values of the columns, in their order
     */
    public Keyset(String list, Function<T, Object[]> key, Column... columns) {
        this.list = list;
        this.key = key;
        this.columns = List.of(columns);
    }

    /**
     * The page after {@code cursor} (null: the first) of {@code select + where}: {@code where} is the list's
     * filter, " WHERE ..." with {@code args}; total and sums are the whole filter's, counted by the caller.
     */
    public ListPage<T> page(JdbcTemplate jdbc, String select, String where, List<Object> args, RowMapper<T> rows,
                            String cursor, int size, long total, Map<String, Long> sums) {
        List<Object> bound = new ArrayList<>(args);
        StringBuilder sql = new StringBuilder(select).append(where);
        if (cursor != null) {
            sql.append(where.isBlank() ? " WHERE " : " AND ").append(after(cursor, bound));
        }
        sql.append(" ORDER BY ").append(columns.stream().map(c -> c.sql() + (c.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "))).append(" LIMIT ?");
        bound.add(size + 1);
        return ListPage.ofRows(list, jdbc.query(sql.toString(), rows, bound.toArray()), size, key, total, sums);
    }

    private String after(String cursor, List<Object> bound) {
        List<String> values = Cursor.decode(list, cursor, columns.size());
        List<Object> parsed = new ArrayList<>();
        try {
            for (int i = 0; i < columns.size(); i++) {
                parsed.add(columns.get(i).type().parse(values.get(i)));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw Cursor.invalid();
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            StringBuilder alternative = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                alternative.append(columns.get(j).sql()).append(" = ? AND ");
                bound.add(parsed.get(j));
            }
            Column column = columns.get(i);
            alternative.append(column.sql()).append(column.descending() ? " < ?" : " > ?").append(")");
            bound.add(parsed.get(i));
            alternatives.add(alternative.toString());
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }
}
