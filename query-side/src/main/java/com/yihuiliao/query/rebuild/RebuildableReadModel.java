package com.yihuiliao.query.rebuild;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;

/**
 * A read model that can be rebuilt from the event store into shadow tables: its projection class (instantiated a
 * second time over the shadow, unchanged) and the tables it writes, each with its key columns.
 */
public record RebuildableReadModel(String name, Class<?> projection, List<Table> tables) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public RebuildableReadModel {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("A read model writes at least one table: " + name);
        }
    }

    /** A registration: the projection's processing group names it. */
    public static RebuildableReadModel of(Class<?> projection, Table... tables) {
        ProcessingGroup group = projection.getAnnotation(ProcessingGroup.class);
        if (group == null) {
            throw new IllegalArgumentException(projection.getName() + " has no @ProcessingGroup");
        }
        return new RebuildableReadModel(group.value(), projection, Arrays.asList(tables));
    }

    /** The live processor that keeps this model's tables: the projection's group. */
    public String processingGroup() {
        return name;
    }

    /** A table and its primary key's columns (rows are compared by them). */
    public record Table(String name, List<String> keyColumns) {

        public Table {
            keyColumns = List.copyOf(keyColumns);
            if (!IDENTIFIER.matcher(name).matches() || keyColumns.isEmpty()
                    || keyColumns.stream().anyMatch(c -> !IDENTIFIER.matcher(c).matches())) {
                throw new IllegalArgumentException("Not a table with key columns: " + name + " " + keyColumns);
            }
        }

        public static Table table(String name, String... keyColumns) {
            return new Table(name, List.of(keyColumns));
        }
    }
}
