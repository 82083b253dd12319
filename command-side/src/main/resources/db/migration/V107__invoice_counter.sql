-- Invoice numbers without gaps: the last number given, in one row that each numbering locks, so two
-- documents numbered at the same moment (a payment's invoice and its refund's credit note, or two
-- nodes) wait for each other instead of one of them using up a number.
CREATE TABLE invoice_counter (
    id       INT    NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO invoice_counter (id, last_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM invoice_number;
