package com.yihuiliao.api.report;

/** A result outside its reference range: ↑ above it, ↓ below it (a result within it has no flag). */
public enum AbnormalFlag {
    HIGH("↑"),
    LOW("↓");

    private final String symbol;

    AbnormalFlag(String symbol) {
        this.symbol = symbol;
    }

    /** The arrow a report shows. */
    public String symbol() {
        return symbol;
    }
}
