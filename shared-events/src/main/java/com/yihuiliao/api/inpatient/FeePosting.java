package com.yihuiliao.api.inpatient;

/**
 * What a fee push did: how many lines were new and how many repeated, the admission's fees after it, the
 * inpatient deposit, and what remains of it (negative: the fees exceed the deposit).
 */
public record FeePosting(String admissionId, int postedLines, int repeatedLines, long totalFeesFen, long depositFen,
                         long remainingFen) {
}
