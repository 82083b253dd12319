package com.yihuiliao.projection;

import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The projections: loaded on every node whose role is not "command". Their processors' settings are in
 * {@code processors.properties} beside this class, read only where the projections load (a node's own
 * settings still override them).
 */
@Configuration
@ComponentScan
@PropertySource("classpath:com/yihuiliao/projection/processors.properties")
@ConditionalOnExpression("'${yihuiliao.node.role:all}' != 'command'")
public class ProjectionsConfiguration {

    /** The {@code sequencing-policy} of the groups that must see every event in the order of the store. */
    @Bean
    SequencingPolicy<Object> sequentialPolicy() {
        return new SequentialPolicy();
    }
}
