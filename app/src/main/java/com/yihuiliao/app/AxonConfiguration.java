package com.yihuiliao.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.yihuiliao.api.BusinessRuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.AxonNonTransientException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * What both sides share: the stored events' and the web's JSON, and the command gateway (any node sends
 * commands). Each side wires its own processors and beans ({@code CommandSideConfiguration},
 * {@code ProjectionsConfiguration}).
 */
@Configuration
class AxonConfiguration {

    /**
     * The stored events' mapper, apart from the web's: a web JSON setting must never change how
     * events are written. Axon picks this bean by its name.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The web's mapper, built by Boot's builder as usual. */
    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer webJson() {
        return builder -> builder.featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * Two nodes (or a cached stale aggregate) writing one aggregate collide on the event table's
     * unique key: such a command is retried ({@link CollisionRetryScheduler}). A business refusal is
     * never retried.
     */
    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newScheduledThreadPool(2);
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  MeterRegistry meters) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new CollisionRetryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .retryInterval(20)
                        .maxRetryCount(20)
                        .nonTransientFailurePredicate(failure -> failure instanceof BusinessRuleViolation
                                || failure instanceof AxonNonTransientException
                                || failure instanceof IllegalArgumentException)
                        .build(), meters))
                // the caller is known where the command is sent, not where it is handled
                .dispatchInterceptors(new ActorFromCaller())
                .build();
    }
}
