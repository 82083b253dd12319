package com.yihuiliao.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The query API: loaded on every node whose role is not "command". */
@Configuration
@ComponentScan
@EnableCaching
@ConditionalOnExpression("'${yihuiliao.node.role:all}' != 'command'")
public class QuerySideConfiguration {
}
