package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.command.CommandSideConfiguration;
import com.yihuiliao.command.lookup.Lookups;
import com.yihuiliao.projection.ProjectionsConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Each side sets its own processors beside its handlers, and a node reads only the settings of the sides it
 * loads ({@code yihuiliao.node.role}).
 */
class ProcessorSettingsTest {

    private static final String COMMAND_SIDE = "com/yihuiliao/command/processors.properties";
    private static final String PROJECTIONS = "com/yihuiliao/projection/processors.properties";
    private static final Pattern GROUP = Pattern.compile("axon\\.eventhandling\\.processors\\.([a-z-]+)\\..*");

    @Test
    void everyGroupIsSetByTheSideItsHandlersAreOn() throws IOException {
        Set<String> commandGroups = groupsUnder("com.yihuiliao.command");
        commandGroups.remove(Lookups.GROUP); // subscribing, wired in code
        Set<String> readGroups = groupsUnder("com.yihuiliao.projection");
        // the query side's handlers join the projections' groups, which load with it
        assertThat(readGroups).containsAll(groupsUnder("com.yihuiliao.query"));

        assertThat(configuredGroups(COMMAND_SIDE)).isEqualTo(commandGroups);
        assertThat(configuredGroups(PROJECTIONS)).isEqualTo(readGroups);
    }

    @Test
    void aSideThatDoesNotLoadBringsNoneOfItsSettings() {
        new ApplicationContextRunner()
                .withPropertyValues("yihuiliao.node.role=query")
                .withUserConfiguration(CommandSideConfiguration.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(CommandSideConfiguration.class);
                    assertThat(context.getEnvironment().getProperty("axon.eventhandling.processors.payment-process.mode"))
                            .isNull();
                });
        new ApplicationContextRunner()
                .withPropertyValues("yihuiliao.node.role=command")
                .withUserConfiguration(ProjectionsConfiguration.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ProjectionsConfiguration.class);
                    assertThat(context.getEnvironment().getProperty("axon.eventhandling.processors.schedule-view.mode"))
                            .isNull();
                });
    }

    private static Set<String> groupsUnder(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        Set<String> groups = new TreeSet<>();
        scanner.findCandidateComponents(basePackage).forEach(candidate -> groups.add((String)
                ((AnnotatedBeanDefinition) candidate).getMetadata().getAnnotationAttributes(ProcessingGroup.class.getName())
                        .get("value")));
        return groups;
    }

    private static Set<String> configuredGroups(String resource) throws IOException {
        Properties settings = new Properties();
        try (InputStream in = ProcessorSettingsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            settings.load(in);
        }
        Set<String> groups = new TreeSet<>();
        for (String key : settings.stringPropertyNames()) {
            Matcher matcher = GROUP.matcher(key);
            assertThat(matcher.matches()).as(key).isTrue();
            groups.add(matcher.group(1));
        }
        return groups;
    }
}
