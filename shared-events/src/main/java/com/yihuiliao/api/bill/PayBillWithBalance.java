package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/** A patient pays a bill from the outpatient balance; answers a {@code BalancePaymentResult}. */
public record PayBillWithBalance(String billId, String patientId, String accountId) implements ActsForPatient, Command {
}
