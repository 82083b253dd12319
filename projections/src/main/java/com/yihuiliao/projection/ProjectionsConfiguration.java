package com.yihuiliao.projection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The projections: loaded on every node whose role is not "command". */
@Configuration
@ComponentScan
@ConditionalOnExpression("'${yihuiliao.node.role:all}' != 'command'")
public class ProjectionsConfiguration {
}
