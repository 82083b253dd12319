package com.yihuiliao.query.appointment;

import com.yihuiliao.api.appointment.ChangedBy;
import com.yihuiliao.api.appointment.StatusChange;
import java.util.List;

/**
 * An appointment's history as a person reads it, in their language: the read model keeps only what
 * happened and the data of each step (who, the canceller's own words, the payment reference).
 */
final class HistoryWording {

    private HistoryWording() {
    }

    static List<StatusChange> worded(List<StatusChange> history, boolean english) {
        return history.stream().map(change -> change.withSummary(summary(change, english))).toList();
    }

    static String summary(StatusChange change, boolean english) {
        String data = change.reason() == null || change.reason().isBlank() ? null : change.reason();
        return switch (change.status()) {
            case HELD -> english ? "Slot held, awaiting payment" : "已占号，待支付";
            case CONFIRMED -> english ? "Paid" + (data == null ? "" : ": " + data)
                    : "已支付" + (data == null ? "" : "（" + data + "）");
            case CANCELLED -> {
                boolean hospital = change.by() == ChangedBy.HOSPITAL;
                String who = english ? (hospital ? "Cancelled by the hospital" : "Cancelled by the patient")
                        : (hospital ? "医院取消" : "本人取消");
                yield data == null ? who : who + (english ? ": " : "：") + data;
            }
            case EXPIRED -> english ? "Not paid in time; the slot was released" : "未按时支付，号源已释放";
            case CHECKED_IN -> english ? "Checked in" : "已签到";
            case MISSED -> english ? "Missed: not checked in by the end of the session" : "爽约：就诊时段结束前未签到";
        };
    }
}
