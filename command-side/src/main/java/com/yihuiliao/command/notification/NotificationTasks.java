package com.yihuiliao.command.notification;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The db-scheduler tasks of notifications: persistent (a restart or a kill -9 loses none) and picked by one node
 * at a time. {@link #DELIVERY}, instance = the notification id: one attempt per execution, retried with
 * exponential backoff from {@code first-retry}, and parked after {@code attempts}. {@link #REMINDER}, instance
 * {@code reminder:<appointmentId>:<kind>}: due at the reminder's time, it checks the appointment then.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTasks {

    static final String DELIVERY = "notification-delivery";
    static final String REMINDER = "notification-reminder";

    @Bean
    OneTimeTask<String> notificationDeliveryTask(@Lazy Notifications notifications, NotificationSettings settings) {
        return Tasks.oneTime(DELIVERY, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(settings.attempts() - 1,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(settings.firstRetry()),
                        (complete, operations) -> notifications.park(complete.getExecution().taskInstance.getId())))
                .execute((instance, context) -> notifications.deliver(instance.getData()));
    }

    @Bean
    OneTimeTask<String> notificationReminderTask(@Lazy Reminders reminders) {
        return Tasks.oneTime(REMINDER, String.class)
                .onFailureRetryLater()
                .execute((instance, context) -> reminders.due(instance.getId()));
    }
}
