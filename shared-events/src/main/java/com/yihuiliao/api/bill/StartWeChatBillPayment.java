package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/** A patient opens (or reopens) the WeChat order of a bill; answers a {@link BillWeChatOrder}. */
public record StartWeChatBillPayment(String billId, String patientId, String accountId) implements ActsForPatient, Command {
}
