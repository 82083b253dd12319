package com.yihuiliao.command.reconciliation;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Reconciles yesterday every day at {@code yihuiliao.reconciliation.at} (Asia/Shanghai; default 10:30, after
 * WeChat Pay publishes the bill at 10:00): a db-scheduler recurring task, so one node of the cluster runs it. A
 * run that fails (the bill not ready yet, WeChat Pay unreachable) is tried again {@code retry-after} later; a
 * repeated run of a day changes nothing but its run count.
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationTask {

    static final String NAME = "wechat-reconciliation";

    @Bean
    RecurringTask<Void> weChatReconciliationTask(@Lazy Reconciliations reconciliations,
                                                 @Value("${yihuiliao.reconciliation.at:10:30}") LocalTime at,
                                                 @Value("${yihuiliao.reconciliation.retry-after:PT30M}") Duration retryAfter) {
        return Tasks.recurring(NAME, new Daily(Reconciliations.SHANGHAI, at))
                .onFailure(new FailureHandler.OnFailureRetryLater<>(retryAfter))
                .execute((instance, context) ->
                        reconciliations.run(LocalDate.now(Reconciliations.SHANGHAI).minusDays(1), "system"));
    }
}
