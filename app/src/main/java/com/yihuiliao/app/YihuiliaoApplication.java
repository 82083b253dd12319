package com.yihuiliao.app;

import com.yihuiliao.command.CommandSideConfiguration;
import com.yihuiliao.projection.ProjectionsConfiguration;
import com.yihuiliao.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * One process that is any mix of the sides: yihuiliao.node.role = all (default), command or
 * query. Every node shares one database and one Redis.
 */
@SpringBootApplication
@AutoConfigurationPackage(basePackages = "com.yihuiliao")
@ConfigurationPropertiesScan("com.yihuiliao")
@Import({CommandSideConfiguration.class, ProjectionsConfiguration.class, QuerySideConfiguration.class})
public class YihuiliaoApplication {

    public static void main(String[] args) {
        // Axon's update checker calls out of the hospital network: off unless asked for
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(YihuiliaoApplication.class, args);
    }
}
