package com.yihuiliao.app.flyway;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the schema history of a database migrated before the per-module version ranges ({@link MigrationRanges})
 * to the new versions, so that it validates against the renamed scripts and runs none of them again. The scripts
 * kept their contents and descriptions, hence their checksums: a row is renumbered only when its old version, its
 * description and its checksum all match one of {@link #MOVED}. That makes it idempotent (a renumbered row no
 * longer matches) and leaves alone any row it does not know, which validation then reports as before.
 *
 * <p>It runs before anything reads the history (validate, migrate, repair, info): Flyway caches the rows it has
 * read. All rows move in one transaction. Two new nodes starting together both try; the second finds nothing left
 * to move. A node of an older version can no longer start on a renumbered database (its validation finds the old
 * versions unapplied and refuses, it never runs them again): upgrade every node together.
 */
final class RenumberedHistory implements Callback {

    /** A script that moved to its module's range: the version it was applied under, and the one it has now. */
    record Moved(String oldVersion, String newVersion, String description, int checksum) {

        String script() {
            return "V" + newVersion + "__" + description.replace(' ', '_') + ".sql";
        }
    }

    /** Every script that was renumbered, with the checksum it was applied with; V1 stayed V1. */
    static final List<Moved> MOVED = List.of(
            // command-side
            new Moved("2", "100", "command side", 862519824),
            new Moved("4", "101", "patients", 487871338),
            new Moved("6", "102", "identity", -1192459948),
            new Moved("7", "103", "announcements", -438340524),
            new Moved("10", "104", "topup funding", 1236446365),
            new Moved("14", "105", "invoice number", 384465177),
            new Moved("17", "106", "open wechat orders", -334710017),
            new Moved("20", "107", "invoice counter", -1650476779),
            new Moved("21", "108", "open wechat order reference", -135125329),
            new Moved("44", "109", "patient directory", -2055945599),
            new Moved("52", "110", "schedule templates", 1371860742),
            new Moved("62", "111", "patient documents", -66269080),
            // projections
            new Moved("3", "200", "read models", 1612774756),
            new Moved("5", "201", "patient view", -1422749090),
            new Moved("8", "202", "announcement view", 670487340),
            new Moved("9", "203", "account view", -254381750),
            new Moved("11", "204", "topup record", 1933359050),
            new Moved("13", "205", "bill view", -228667343),
            new Moved("15", "206", "invoice view", 1579611754),
            new Moved("16", "207", "billing records", 1769915422),
            new Moved("18", "208", "refund channel result", 303335388),
            new Moved("19", "209", "credit note view", -928545283),
            new Moved("45", "210", "staff appointment detail", -1631003020),
            new Moved("46", "211", "counter topup record", -1688269143),
            new Moved("70", "212", "bill refund request view", 274770843),
            new Moved("71", "213", "appointment history reason data", 1049147848),
            new Moved("72", "214", "list keyset indexes", 1546906997),
            new Moved("76", "215", "billing reasons as codes", 1240695579),
            new Moved("77", "216", "rebuild billing records from codes", 2116233729),
            // sandboxes (db/bench)
            new Moved("1000", "900", "bench baseline", 1441658513));

    private static final Logger log = LoggerFactory.getLogger(RenumberedHistory.class);
    private static final Set<Event> BEFORE_READING_HISTORY =
            EnumSet.of(Event.BEFORE_VALIDATE, Event.BEFORE_MIGRATE, Event.BEFORE_REPAIR, Event.BEFORE_INFO);

    @Override
    public boolean supports(Event event, Context context) {
        return BEFORE_READING_HISTORY.contains(event);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            int moved = renumber(context.getConnection(), context.getConfiguration().getTable());
            if (moved > 0) {
                log.info("Moved {} rows of the schema history to the modules' version ranges", moved);
            }
        } catch (SQLException e) {
            throw new FlywayException("Cannot renumber the schema history to the modules' version ranges", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "renumbered-history";
    }

    /** @return how many rows moved (0 on a fresh or an already renumbered database) */
    static int renumber(Connection connection, String table) throws SQLException {
        if (!exists(connection, table)) {
            return 0;
        }
        int moved = 0;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET version = ?, script = ? WHERE version = ? AND description = ? AND checksum = ?")) {
            for (Moved row : MOVED) {
                update.setString(1, row.newVersion());
                update.setString(2, row.script());
                update.setString(3, row.oldVersion());
                update.setString(4, row.description());
                update.setInt(5, row.checksum());
                moved += update.executeUpdate();
            }
        }
        return moved;
    }

    /** Flyway has made the history's schema the connection's current one; the name is a pattern, hence the check. */
    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
        }
        return false;
    }
}
