package com.yihuiliao.command;

import com.yihuiliao.command.actor.ActorCorrelation;
import com.yihuiliao.command.patient.ActsForPatientCheck;
import com.yihuiliao.command.patient.Patients;
import com.yihuiliao.storage.ObjectStorageConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
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

    /**
     * Who did it: the events a command applies, and what processes and deadlines send, carry an actor
     * ({@code actor.ActorCorrelation}); commands are handled here, so the provider is this side's.
     */
    @Bean
    ActorCorrelation actorCorrelation() {
        return new ActorCorrelation();
    }

    /** Axon's own correlation and trace ids, which it provides only while no other provider is a bean. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** A deadline's handler is not behind the command bus: its events get their actor through this. */
    @Bean
    SmartInitializingSingleton actorsOnDeadlines(DeadlineManager deadlines, ActorCorrelation actorCorrelation) {
        return () -> deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(actorCorrelation));
    }
}
