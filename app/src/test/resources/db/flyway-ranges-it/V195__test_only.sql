-- FlywayRangesIT only: a command-side script that arrives after the renumbering, below the applied projections' V2xx.
CREATE TABLE flyway_ranges_test_only (
    id INT NOT NULL PRIMARY KEY
);
