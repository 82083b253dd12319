package com.yihuiliao.command;

import com.yihuiliao.command.patient.ActsForPatientCheck;
import com.yihuiliao.command.patient.Patients;
import com.yihuiliao.storage.ObjectStorageConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The command side: loaded on every node whose role is not "query". It wires its own Axon beans: the hot
 * aggregates' caches and snapshots here, the lookup group in {@code lookup.Lookups}, its processors' settings
 * in {@code processors.properties} beside this class (read only where this side loads; a node's own settings
 * still override them).
 */
@Configuration
@ComponentScan
@Import(ObjectStorageConfiguration.class)
@PropertySource("classpath:com/yihuiliao/command/processors.properties")
@ConditionalOnExpression("'${yihuiliao.node.role:all}' != 'query'")
public class CommandSideConfiguration {

    /** Named by {@code Schedule}'s {@code @Aggregate}: a booking loads its schedule without replaying it. */
    @Bean
    Cache scheduleCache() {
        return new WeakReferenceCache();
    }

    /** Named by {@code Appointment}'s {@code @Aggregate}. */
    @Bean
    Cache appointmentCache() {
        return new WeakReferenceCache();
    }

    /** A schedule gathers an event per booking and release: a snapshot keeps cold loads short. */
    @Bean
    SnapshotTriggerDefinition scheduleSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }

    /**
     * Every patient's command ({@code ActsForPatient}) acts for the caller's own patient: Axon registers this
     * on the command bus, so no handler checks it again.
     */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> actsForPatientCheck(Patients patients) {
        return new ActsForPatientCheck(patients);
    }
}
