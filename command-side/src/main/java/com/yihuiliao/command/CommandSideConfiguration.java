package com.yihuiliao.command;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The command side: loaded on every node whose role is not "query". */
@Configuration
@ComponentScan
@ConditionalOnExpression("'${yihuiliao.node.role:all}' != 'query'")
public class CommandSideConfiguration {
}
