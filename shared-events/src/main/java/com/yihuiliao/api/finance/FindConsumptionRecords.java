package com.yihuiliao.api.finance;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;

/**
 * The consumption report (门诊消费记录), in the asked order, read by keyset. With {@code withTotals} the page
 * carries the whole filter's count and sums ({@code amountSumFen}, {@code refundedSumFen}, {@code netSumFen});
 * an export reading chunk after chunk asks without them.
 */
public record FindConsumptionRecords(ConsumptionFilter filter, ConsumptionSort sort, boolean descending,
                                     boolean withTotals, String cursor, int size)
        implements Query<ListPage<ConsumptionRecord>> {
}
