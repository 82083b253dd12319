package com.yihuiliao.query;

import com.yihuiliao.storage.ObjectStorageConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The query API: loaded on every node whose role is not "command". */
@Configuration
@ComponentScan
@Import(ObjectStorageConfiguration.class)
@EnableCaching
@ConditionalOnExpression("'${yihuiliao.node.role:all}' != 'command'")
public class QuerySideConfiguration {
}
