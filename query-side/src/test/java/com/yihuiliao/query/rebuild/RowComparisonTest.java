package com.yihuiliao.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.query.rebuild.RowComparison.Difference;
import com.yihuiliao.query.rebuild.RowComparison.Kind;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowComparisonTest {

    static final List<String> KEY = List.of("account_id", "sequence_number");

    static Map<String, String> row(String account, long sequence, long amount, String note) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("ACCOUNT_ID", account);
        raw.put("SEQUENCE_NUMBER", sequence);
        raw.put("AMOUNT_FEN", amount);
        raw.put("NOTE", note);
        raw.put("OCCURRED_AT", LocalDateTime.of(2026, 12, 1, 2, 0));
        return RowComparison.normalized(raw);
    }

    static Map<List<String>, Long> sums(List<Map<String, String>> rows) {
        Map<List<String>, Long> sums = new HashMap<>();
        rows.forEach(r -> sums.put(RowComparison.key(r, KEY), RowComparison.checksum(r)));
        return sums;
    }

    @Test
    void equalRows_haveEqualChecksums_andNoDifference() {
        Map<String, String> a = row("p1:OUTPATIENT", 3, 100, null);
        assertThat(RowComparison.checksum(a)).isEqualTo(RowComparison.checksum(row("p1:OUTPATIENT", 3, 100, null)));
        assertThat(RowComparison.differingKeys(sums(List.of(a)), sums(List.of(row("p1:OUTPATIENT", 3, 100, null)))))
                .isEmpty();
        assertThat(RowComparison.describe("account_movement", KEY, List.of("p1:OUTPATIENT", "3"), a, a)).isNull();
    }

    @Test
    void aNullAndTheTextNull_orAShiftedValue_doNotCollide() {
        assertThat(RowComparison.checksum(row("p1", 1, 100, null)))
                .isNotEqualTo(RowComparison.checksum(row("p1", 1, 100, "null")));
        assertThat(RowComparison.checksum(row("p1", 1, 10, "0")))
                .isNotEqualTo(RowComparison.checksum(row("p1", 1, 100, "")));
    }

    @Test
    void everyDifferingRow_isNamedByItsKey_withWhatDiffers() {
        List<Map<String, String>> live = List.of(row("p1", 1, 100, null), row("p1", 2, 50, "x"), row("p2", 1, 70, null));
        List<Map<String, String>> shadow = List.of(row("p1", 1, 100, null), row("p1", 2, 51, "y"), row("p3", 1, 5, null));

        List<List<String>> keys = RowComparison.differingKeys(sums(live), sums(shadow));
        assertThat(keys).containsExactly(List.of("p1", "2"), List.of("p2", "1"), List.of("p3", "1"));

        Difference differs = RowComparison.describe("account_movement", KEY, keys.get(0), live.get(1), shadow.get(1));
        assertThat(differs.kind()).isEqualTo(Kind.DIFFERS);
        assertThat(differs.key()).containsExactly(Map.entry("account_id", "p1"), Map.entry("sequence_number", "2"));
        assertThat(differs.columns()).containsExactly("amount_fen", "note");
        assertThat(RowComparison.describe("account_movement", KEY, keys.get(1), live.get(2), null).kind())
                .isEqualTo(Kind.MISSING_SHADOW);
        assertThat(RowComparison.describe("account_movement", KEY, keys.get(2), null, shadow.get(2)).kind())
                .isEqualTo(Kind.MISSING_LIVE);
    }

    @Test
    void bytesAndDecimals_readAsTheirValue() {
        assertThat(RowComparison.text(new byte[]{1, (byte) 0xAB})).isEqualTo("01ab");
        assertThat(RowComparison.text(new java.math.BigDecimal("12.500"))).isEqualTo("12.5");
        assertThat(RowComparison.text(null)).isNull();
    }
}
