-- The version of each business date's finance figures (query.finance.FinanceReportVersions): raised in the same
-- transaction as the finance projection's change of that date, and part of every cached report's key, so a
-- report cached before a change is never found again after it. Only rises (never reset on a replay).
CREATE TABLE finance_report_version (
    business_date DATE   NOT NULL PRIMARY KEY,
    version       BIGINT NOT NULL
);
