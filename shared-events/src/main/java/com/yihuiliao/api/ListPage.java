package com.yihuiliao.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a list: the same envelope on every list of the API. {@code items} in the list's stable order,
 * {@code size} as asked (1 to {@link #MAX_SIZE}, default {@link #DEFAULT_SIZE}), {@code nextCursor} to send as
 * {@code cursor} for the next page (null on the last), {@code total} the count of the whole filter, and
 * {@code sums} over the whole filter where the list has them (billing records' fen amounts; empty elsewhere).
 */
public record ListPage<T>(List<T> items, int size, String nextCursor, long total, Map<String, Long> sums) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** How the {@code size} and {@code cursor} parameters are described wherever a list takes them. */
    public static final String SIZE_DOC = "Items per page: 1 to " + MAX_SIZE + ", default " + DEFAULT_SIZE;
    public static final String CURSOR_DOC = "The previous page's nextCursor (absent: the first page)";

    public ListPage {
        items = List.copyOf(items);
        sums = sums == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sums));
    }

    /** The asked size within the bounds; absent means the default. */
    public static int size(Integer asked) {
        if (asked == null) {
            return DEFAULT_SIZE;
        }
        if (asked < 1 || asked > MAX_SIZE) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "size",
                    "must be 1 to " + MAX_SIZE + " (default " + DEFAULT_SIZE + "), was " + asked + ".");
        }
        return asked;
    }

    /**
     * The page of rows read in the list's order after the cursor, at most {@code size + 1} of them: the extra
     * row only says that another page follows, whose cursor is the key of this page's last item.
     */
    public static <T> ListPage<T> ofRows(String list, List<T> rows, int size, Function<T, Object[]> key, long total,
                                         Map<String, Long> sums) {
        if (rows.size() <= size) {
            return new ListPage<>(rows, size, null, total, sums);
        }
        List<T> items = rows.subList(0, size);
        return new ListPage<>(items, size, Cursor.encode(list, key.apply(items.get(size - 1))), total, sums);
    }

    /**
     * A page of a small list read whole (departments, one account's patients, a bounded date range): its cursor
     * is a position, which a row added between two reads may shift — acceptable where the list rarely changes.
     */
    public static <T> ListPage<T> slice(String list, List<T> all, String cursor, int size) {
        int from = cursor == null ? 0 : position(list, cursor, all.size());
        int to = Math.min(all.size(), from + size);
        return new ListPage<>(all.subList(from, to), size, to < all.size() ? Cursor.encode(list, to) : null,
                all.size(), null);
    }

    private static int position(String list, String cursor, int count) {
        String value = Cursor.decode(list, cursor, 1).get(0);
        try {
            int position = Integer.parseInt(value);
            if (position >= 0) {
                // a list that shrank since: an empty last page
                return Math.min(position, count);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Cursor.invalid();
    }

    /** The same page with each item changed (e.g. what a patient may not see taken out). */
    public <U> ListPage<U> map(Function<T, U> change) {
        return new ListPage<>(items.stream().map(change).toList(), size, nextCursor, total, sums);
    }
}
