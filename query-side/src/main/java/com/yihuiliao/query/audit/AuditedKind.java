package com.yihuiliao.query.audit;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.util.Arrays;

/** The aggregates whose history auditors read: the path's name, the aggregate's type in the event store, its 404. */
enum AuditedKind {
    APPOINTMENT("appointment", "Appointment", ErrorCode.APPOINTMENT_NOT_FOUND),
    PAYMENT("payment", "Payment", ErrorCode.PAYMENT_NOT_FOUND),
    REFUND("refund", "Refund", ErrorCode.REFUND_NOT_FOUND),
    TOP_UP("top-up", "TopUp", ErrorCode.TOPUP_NOT_FOUND),
    BILL("bill", "Bill", ErrorCode.BILL_NOT_FOUND),
    ACCOUNT("account", "Account", ErrorCode.NOT_FOUND);

    final String path;
    final String aggregateType;
    final ErrorCode notFound;

    AuditedKind(String path, String aggregateType, ErrorCode notFound) {
        this.path = path;
        this.aggregateType = aggregateType;
        this.notFound = notFound;
    }

    static AuditedKind of(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst()
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.NOT_FOUND));
    }
}
