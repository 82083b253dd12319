package com.yihuiliao.api.billing;

import java.util.List;

/** A page of movements; {@code total}, {@code creditSumFen} and {@code debitSumFen} cover the whole filter. */
public record AccountMovementPage(List<AccountMovement> items, long total, long creditSumFen, long debitSumFen,
                                  int page, int size) {
}
