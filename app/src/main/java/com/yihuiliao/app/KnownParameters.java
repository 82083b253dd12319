package com.yihuiliao.app;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every GET of the API, query side and command side alike ({@code /api/me/patients}, {@code /api/admin/staff}),
 * refuses a query parameter it does not take (400 {@code UNKNOWN_PARAMETER}, naming it), so a typo
 * ({@code patinetId}) never answers an unfiltered list, and a retired one ({@code page}) never goes unnoticed. What an endpoint takes is read from its
 * handler method: the {@code @RequestParam} names, and the components of a record bound from the query
 * ({@code @ModelAttribute} or unannotated); a {@code @RequestParam Map} takes anything. A new endpoint is
 * covered without doing anything.
 */
@Configuration
class KnownParameters implements HandlerInterceptor, WebMvcConfigurer {

    private static final String PACKAGE = "com.yihuiliao.";
    private static final Set<String> ANY = Collections.unmodifiableSet(new TreeSet<>());
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // sandboxes and the benchmark speak others' protocols, and writes take their input in the body
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(PACKAGE)
                || !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Set<String> taken = known.computeIfAbsent(method.getMethod(), m -> taken(method));
        if (taken == ANY) {
            return true;
        }
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!taken.contains(name)) {
                throw new BusinessRuleViolation(ErrorCode.UNKNOWN_PARAMETER, taken.isEmpty()
                        ? ProblemMessage.of("request.unknown-parameter-none", "parameter", name)
                        : ProblemMessage.of("request.unknown-parameter", "parameter", name, "accepted", List.copyOf(taken)));
            }
        }
        return true;
    }

    private static Set<String> taken(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (param != null) {
                if (Map.class.isAssignableFrom(type)) {
                    return ANY;
                }
                names.add(!param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                        : parameter.getParameterName());
            } else if (type.isRecord() && (parameter.hasParameterAnnotation(ModelAttribute.class)
                    || parameter.getParameterAnnotations().length == 0) && !BeanUtils.isSimpleProperty(type)) {
                for (RecordComponent component : type.getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
