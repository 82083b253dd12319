package com.yihuiliao.command.queue;

import com.yihuiliao.api.queue.QueueNumbering;
import com.yihuiliao.api.queue.QueueRejoinRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The queue's rules ({@code yihuiliao.queue.*}). Mutable on purpose: the tests change them at run time in the one
 * shared context instead of starting another. The numbering is fixed per session when its queue opens
 * ({@code QueueOpened}); the rejoin rule is read at each rejoin.
 */
@ConfigurationProperties("yihuiliao.queue")
public class QueueSettings {

    /** Numbers by booking order (预约序号) or by check-in order. */
    private volatile QueueNumbering numbering = QueueNumbering.CHECK_IN_ORDER;
    /** Where a returning passed patient waits again. */
    private volatile QueueRejoinRule rejoin = QueueRejoinRule.AFTER_NEXT_N;
    /** The N of {@code AFTER_NEXT_N}: a rejoining patient waits after the next N waiting. */
    private volatile int rejoinAfter = 3;

    public QueueNumbering getNumbering() {
        return numbering;
    }

    public void setNumbering(QueueNumbering numbering) {
        this.numbering = numbering;
    }

    public QueueRejoinRule getRejoin() {
        return rejoin;
    }

    public void setRejoin(QueueRejoinRule rejoin) {
        this.rejoin = rejoin;
    }

    public int getRejoinAfter() {
        return rejoinAfter;
    }

    public void setRejoinAfter(int rejoinAfter) {
        if (rejoinAfter < 0) {
            throw new IllegalArgumentException("yihuiliao.queue.rejoin-after must not be negative");
        }
        this.rejoinAfter = rejoinAfter;
    }
}
