package com.yihuiliao.query.rebuild;

import com.yihuiliao.query.rebuild.RowComparison.Difference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares a live table with its shadow through the live pool (both live in one server): each side's checksums
 * by key first, then the differing keys' rows, column by column.
 */
final class TableComparer {

    private final JdbcTemplate jdbc;
    private final ShadowDatabase shadow;
    private final ColumnMapRowMapper rows = new ColumnMapRowMapper();

    TableComparer(JdbcTemplate jdbc, ShadowDatabase shadow) {
        this.jdbc = jdbc;
        this.shadow = shadow;
    }

    List<Difference> compareAll(RebuildableReadModel.Table table) {
        Map<List<String>, Long> live = checksums(shadow.live(table.name()), table.keyColumns());
        Map<List<String>, Long> shadowed = checksums(shadow.qualified(table.name()), table.keyColumns());
        return compareKeys(table, RowComparison.differingKeys(live, shadowed));
    }

    /** Re-reads the rows of these keys on both sides and names what still differs. */
    List<Difference> compareKeys(RebuildableReadModel.Table table, List<List<String>> keys) {
        List<Difference> differences = new ArrayList<>();
        for (List<String> key : keys) {
            Difference difference = RowComparison.describe(table.name(), table.keyColumns(), key,
                    row(shadow.live(table.name()), table.keyColumns(), key),
                    row(shadow.qualified(table.name()), table.keyColumns(), key));
            if (difference != null) {
                differences.add(difference);
            }
        }
        return differences;
    }

    long count(String qualifiedTable) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + qualifiedTable, Long.class);
        return count == null ? 0 : count;
    }

    private Map<List<String>, Long> checksums(String qualifiedTable, List<String> keyColumns) {
        Map<List<String>, Long> sums = new HashMap<>();
        jdbc.query("SELECT * FROM " + qualifiedTable, rs -> {
            Map<String, String> row = RowComparison.normalized(rows.mapRow(rs, 0));
            sums.put(RowComparison.key(row, keyColumns), RowComparison.checksum(row));
        });
        return sums;
    }

    private Map<String, String> row(String qualifiedTable, List<String> keyColumns, List<String> key) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            where.append(i == 0 ? " WHERE " : " AND ");
            if (key.get(i) == null) {
                where.append(keyColumns.get(i)).append(" IS NULL");
            } else {
                where.append(keyColumns.get(i)).append(" = ?");
                args.add(key.get(i));
            }
        }
        List<Map<String, Object>> found = jdbc.query("SELECT * FROM " + qualifiedTable + where, rows, args.toArray());
        // a key compared as text may match more than one row on a database that trims or folds case: take the exact
        return found.stream().map(RowComparison::normalized)
                .filter(r -> Objects.equals(RowComparison.key(r, keyColumns), key)).findFirst().orElse(null);
    }
}
