package org.chibo.meeting.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.chibo.chassis.web.BadRequestException;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses (400, naming it) a query parameter the endpoint does not declare. Spring would silently drop it, so
 * {@code ?branchId[$gt]=} — a MongoDB operator smuggled in the PHP/Express way — or a misspelt filter would answer
 * as if it were not there, widening or silently changing the result; here nothing unknown reaches a query.
 */
class KnownQueryParameters implements HandlerInterceptor {

    private static final String OWN_PACKAGE = "org.chibo.meeting.";
    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
            return true;
        }
        Set<String> known = declared.computeIfAbsent(method, this::requestParams);
        for (String name : Collections.list(request.getParameterNames())) {
            if (!known.contains(name)) {
                throw new BadRequestException("query parameter '" + name + "' is not part of this request"
                        + (known.isEmpty() ? "" : "; it takes " + known.stream().sorted().collect(Collectors.joining(", "))), name);
            }
        }
        return true;
    }

    private Set<String> requestParams(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestParam.class))
                .map(this::nameOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    private String nameOf(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (StringUtils.hasText(annotation.name())) {
            return annotation.name();
        }
        if (StringUtils.hasText(annotation.value())) {
            return annotation.value();
        }
        parameter.initParameterNameDiscovery(names);
        return parameter.getParameterName();
    }
}
