package com.yihuiliao.api.exam;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/**
 * Opens (or finds again) the WeChat Pay order for a held exam booking's price. The order number follows from
 * the booking, so a repeated request answers the same open order. Answers {@code WeChatOrder}.
 */
public record StartWeChatExamPayment(String bookingId, String patientId, String accountId)
        implements ActsForPatient, Command {
}
