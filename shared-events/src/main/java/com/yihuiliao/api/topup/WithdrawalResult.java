package com.yihuiliao.api.topup;

import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.refund.RefundResult;
import java.util.List;

/** A withdrawal: the account's balance after it, and the refunds it became (one per top-up). */
public record WithdrawalResult(String withdrawalId, String patientId, AccountKind kind, long amountFen,
                               long balanceFen, List<RefundResult> refunds) {
}
