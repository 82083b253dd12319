package com.yihuiliao.query.finance;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The db-scheduler task of finance's export jobs, instance = the export id: persistent and picked by one node at
 * a time. A failed run (storage down) is tried again {@code retry-after} later, {@code attempts} times in all,
 * then the job is FAILED; a run whose node died is revived by db-scheduler's dead-execution check.
 */
@Configuration(proxyBeanMethods = false)
class FinanceExportTask {

    @Bean
    OneTimeTask<String> financeExportJob(@Lazy FinanceExports exports,
                                          @Value("${yihuiliao.finance.export.attempts:3}") int attempts,
                                          @Value("${yihuiliao.finance.export.retry-after:PT1M}") Duration retryAfter) {
        return Tasks.oneTime(FinanceExports.TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(Math.max(0, attempts - 1),
                        new FailureHandler.OnFailureRetryLater<>(retryAfter),
                        (complete, operations) -> exports.fail(complete.getExecution().taskInstance.getId(),
                                complete.getCause().orElse(null))))
                .execute((instance, context) -> exports.run(instance.getData()));
    }
}
