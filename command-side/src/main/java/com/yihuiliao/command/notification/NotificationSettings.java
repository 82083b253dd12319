package com.yihuiliao.command.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param templates        WeChat subscribe-message template id per kind (the environment's in production); a kind
 *                         without one is kept in the inbox only
 * @param miniprogramState {@code formal}, {@code trial} or {@code developer}: which build the message opens
 * @param page             the mini-program page a message opens
 * @param paymentDueBefore how long before a hold expires the payment reminder goes out
 * @param attempts         delivery attempts per recipient before the notification is parked
 * @param firstRetry       the wait before the first retry; each next one waits twice as long
 */
@ConfigurationProperties("yihuiliao.notifications")
public record NotificationSettings(Map<NotificationKind, String> templates,
                                   @DefaultValue("formal") String miniprogramState,
                                   @DefaultValue("pages/messages/index") String page,
                                   @DefaultValue("5m") Duration paymentDueBefore,
                                   @DefaultValue("5") int attempts,
                                   @DefaultValue("30s") Duration firstRetry) {

    public NotificationSettings {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }
}
