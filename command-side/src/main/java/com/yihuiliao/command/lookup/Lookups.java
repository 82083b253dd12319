package com.yihuiliao.command.lookup;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's lookup tables (set-based validation: the daily booking limit, the schedule registry, the
 * rules in force, our payment orders, the top-ups' funding) are written by one subscribing group, in the
 * transaction of the command that applied the event; an error there propagates and refuses the command.
 * Its own package, so each feature's table joins the group without depending on another feature. Wired in
 * code, not in the processors' properties: the error handler has no property.
 */
@Configuration(proxyBeanMethods = false)
public class Lookups {

    public static final String GROUP = "lookups";

    @Autowired
    void subscribing(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(GROUP);
        processing.registerListenerInvocationErrorHandler(GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
