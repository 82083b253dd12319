package com.yihuiliao.api.inpatient;

import java.time.LocalDate;
import java.util.List;

/**
 * An admission's fees (费用明细), of one day and category or all, by day (newest first) with each day's totals by
 * category, then the totals by category over the filter; the admission's fees in all, the deposit and what remains.
 *
 * @param filteredFen the sum of the lines shown
 * @param totalFeesFen the admission's fees in all, whatever the filter
 */
public record AdmissionFees(String admissionId, String patientId, List<FeeDay> days, List<CategoryTotalFen> categories,
                            long filteredFen, long totalFeesFen, long depositFen, long remainingFen) {

    /** One Shanghai date's fees: their total, the totals by category, and the lines. */
    public record FeeDay(LocalDate date, long totalFen, List<CategoryTotalFen> categories, List<FeeItem> lines) {
    }

    /** One category's total. */
    public record CategoryTotalFen(FeeCategory category, long totalFen) {
    }

    /**
     * One fee line as posted.
     *
     * @param postedBy who pushed or entered it (staff only; null in patients' answers)
     */
    public record FeeItem(String lineNo, LocalDate feeDate, FeeCategory category, String itemCode, String itemName,
                       int quantity, long unitPriceFen, long amountFen, String postedBy) {
    }

    /** As the patient reads it: without who posted each line. */
    public AdmissionFees forPatient() {
        return new AdmissionFees(admissionId, patientId, days.stream().map(d -> new FeeDay(d.date(), d.totalFen(),
                d.categories(), d.lines().stream().map(l -> new FeeItem(l.lineNo(), l.feeDate(), l.category(),
                        l.itemCode(), l.itemName(), l.quantity(), l.unitPriceFen(), l.amountFen(), null)).toList()))
                .toList(), categories, filteredFen, totalFeesFen, depositFen, remainingFen);
    }
}
