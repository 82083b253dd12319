package com.yihuiliao.projection.finance;

import com.yihuiliao.projection.Keyset;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A report's keyset per sort column and direction: the column, then the report's unique id in the same direction.
 * Each list's name carries sort and direction, so a cursor read under another order is refused.
 */
final class SortedKeysets<S extends Enum<S>, T> {

    private final String report;
    private final String idColumn;
    private final Function<T, Object> id;
    private final Map<S, Keyset<T>> ascending;
    private final Map<S, Keyset<T>> descending;

    SortedKeysets(Class<S> sorts, String report, String idColumn, Function<T, Object> id) {
        this.report = report;
        this.idColumn = idColumn;
        this.id = id;
        this.ascending = new EnumMap<>(sorts);
        this.descending = new EnumMap<>(sorts);
    }

    /** A sort column: its SQL (never NULL: a missing name is sorted as empty) and its value in an item. */
    SortedKeysets<S, T> sort(S sort, String column, Keyset.Type type, Function<T, Object> value) {
        for (boolean desc : new boolean[]{false, true}) {
            Keyset<T> keyset = new Keyset<>(report + "-" + sort + (desc ? "-desc" : "-asc"),
                    item -> new Object[]{value.apply(item), id.apply(item)},
                    new Keyset.Column(column, type, desc), new Keyset.Column(idColumn, Keyset.Type.STRING, desc));
            (desc ? descending : ascending).put(sort, keyset);
        }
        return this;
    }

    Keyset<T> of(S sort, boolean desc) {
        return (desc ? descending : ascending).get(sort);
    }
}
