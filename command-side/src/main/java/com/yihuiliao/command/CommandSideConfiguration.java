package com.yihuiliao.command;

import com.yihuiliao.storage.ObjectStorageConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The command side: loaded on every node whose role is not "query". */
@Configuration
@ComponentScan
@Import(ObjectStorageConfiguration.class)
@ConditionalOnExpression("'${yihuiliao.node.role:all}' != 'query'")
public class CommandSideConfiguration {
}
