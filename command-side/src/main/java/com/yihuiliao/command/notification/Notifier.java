package com.yihuiliao.command.notification;

import java.util.Map;

/** The one port that tells a patient something outside the mini-program: WeChat's subscribe messages. */
public interface Notifier {

    /** One message to one WeChat user: {@code data} is the template's keys and their values. */
    record Message(String openid, String templateId, String page, Map<String, String> data) {
    }

    enum Outcome {
        SENT,
        /** The user refused this template (WeChat 43101): final, never retried. */
        REFUSED,
        /** Anything a later attempt may cure (busy, unreachable, a token refused). */
        FAILED
    }

    record Result(Outcome outcome, int errcode) {
    }

    Result send(Message message);
}
