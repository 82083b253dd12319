package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.yihuiliao.api.catalogue.DepartmentSaved;
import java.util.List;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stack-notes traps, proved on MariaDB: events over 64 KB, and a gap-free AUTO_INCREMENT global index. */
class MariaDbSchemaIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventGateway events;

    @BeforeEach
    void onMariaDb() {
        assumeTrue(TestEnvironment.MARIADB, "MariaDB-specific column types: run with -Dyihuiliao.test.db=mariadb");
    }

    @Test
    void payloadMetadataAndTokenColumnsHoldMoreThan64Kb() {
        List<String> types = jdbc.queryForList("SELECT CONCAT(table_name, '.', column_name, '=', data_type) "
                + "FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name IN ('payload', 'meta_data', 'token') "
                + "AND table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry')", String.class);
        assertThat(types).containsExactlyInAnyOrder("domain_event_entry.payload=longblob",
                "domain_event_entry.meta_data=longblob", "snapshot_event_entry.payload=longblob",
                "snapshot_event_entry.meta_data=longblob", "token_entry.token=longblob");

        String big = "院".repeat(100_000); // 300 KB of UTF-8
        String id = Api.unique("big");
        events.publish(new DepartmentSaved(id, null, "big", big, 1));
        Long length = jdbc.queryForObject("SELECT MAX(LENGTH(payload)) FROM domain_event_entry WHERE payload_type = ?",
                Long.class, DepartmentSaved.class.getName());
        assertThat(length).isGreaterThan(300_000L);
    }

    @Test
    void globalIndexIsAutoIncrementAndGapFree() {
        String extra = jdbc.queryForObject("SELECT extra FROM information_schema.columns WHERE table_schema = DATABASE() "
                + "AND table_name = 'domain_event_entry' AND column_name = 'global_index'", String.class);
        assertThat(extra).containsIgnoringCase("auto_increment");

        Long before = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        for (int i = 0; i < 5; i++) {
            events.publish(new DepartmentSaved(Api.unique("gap"), null, "gap", null, i));
        }
        List<Long> mine = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                + "AND payload_type = ? ORDER BY global_index", Long.class, before, DepartmentSaved.class.getName());
        assertThat(mine).hasSize(5);
        assertThat(mine.get(4) - mine.get(0)).isLessThanOrEqualTo(4 + concurrentEventsBetween(mine.get(0), mine.get(4)));
    }

    /** Other tests' timers may append in between; only those may sit between ours. */
    private long concurrentEventsBetween(long from, long to) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ? AND global_index < ? "
                + "AND payload_type <> ?", Long.class, from, to, DepartmentSaved.class.getName());
    }
}
