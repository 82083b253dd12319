package com.yihuiliao.projection;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause of the filters that are given, with their arguments. */
public final class SqlFilter {
    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> args = new ArrayList<>();

    public SqlFilter with(String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            args.add(value);
        }
        return this;
    }

    /** A condition without arguments. */
    public SqlFilter where(String condition) {
        where.append(" AND ").append(condition);
        return this;
    }

    public SqlFilter withEnum(String condition, Enum<?> value) {
        return with(condition, value == null ? null : value.name());
    }

    /**
     * A patient by a fragment of their name, of the visible digits of their masked ID number or of their phone
     * (matched in the directory, {@code p}, never answered), or by their id. The fragment's own {@code %} and {@code _}
     * are matched as themselves ({@code !} escapes: a backslash would be an escape of MariaDB's string literals too).
     */
    public SqlFilter withPatient(String patientColumn, String fragment) {
        if (fragment != null) {
            String like = "%" + fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            where.append(" AND (p.real_name LIKE ? ESCAPE '!' OR p.id_number_masked LIKE ? ESCAPE '!' OR ")
                    .append("p.phone LIKE ? ESCAPE '!' OR ").append(patientColumn).append(" = ?)");
            args.add(like);
            args.add(like);
            args.add(like);
            args.add(fragment);
        }
        return this;
    }

    public String where() {
        return where.toString();
    }

    public Object[] args() {
        return args.toArray();
    }

    public List<Object> argList() {
        return args;
    }
}
