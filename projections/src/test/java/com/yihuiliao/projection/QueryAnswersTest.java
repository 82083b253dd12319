package com.yihuiliao.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.schedule.FindSchedule;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/**
 * A query's type argument is what it is answered with: every {@code Query<R>} of {@code shared-events} has a query
 * handler here, and each handler answers exactly its query's {@code R}. The query side's {@code Reads} relies on it.
 */
class QueryAnswersTest {

    @Test
    void everyQueryIsAnsweredWithTheTypeItNames() {
        Set<Class<?>> queries = new HashSet<>(classes("com.yihuiliao.api", new AssignableTypeFilter(Query.class)));
        queries.remove(Query.class);
        Set<Class<?>> handled = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (Class<?> type : classes("com.yihuiliao.projection", (reader, factory) -> true)) {
            for (Method handler : type.getDeclaredMethods()) {
                if (handler.isAnnotationPresent(QueryHandler.class)) {
                    Class<?> query = handler.getParameterTypes()[0];
                    handled.add(query);
                    Type answer = answerOf(query);
                    if (!handler.getGenericReturnType().equals(answer)) {
                        wrong.add(type.getSimpleName() + "." + handler.getName() + "(" + query.getSimpleName()
                                + ") answers " + handler.getGenericReturnType().getTypeName() + ", the query names "
                                + (answer == null ? "none" : answer.getTypeName()));
                    }
                }
            }
        }

        assertThat(wrong).as("handlers that answer other than their query says").isEmpty();
        assertThat(handled).as("queries and their handlers").containsExactlyInAnyOrderElementsOf(queries)
                .contains(FindSchedule.class);
    }

    static Type answerOf(Class<?> query) {
        return Arrays.stream(query.getGenericInterfaces())
                .filter(i -> i instanceof ParameterizedType p && p.getRawType() == Query.class)
                .map(i -> ((ParameterizedType) i).getActualTypeArguments()[0])
                .findFirst().orElse(null);
    }

    static List<Class<?>> classes(String basePackage, TypeFilter filter) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent(); // records and package-private classes too
            }
        };
        scanner.addIncludeFilter(filter);
        return scanner.findCandidateComponents(basePackage).stream().map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, QueryAnswersTest.class.getClassLoader()))
                .toList();
    }
}
