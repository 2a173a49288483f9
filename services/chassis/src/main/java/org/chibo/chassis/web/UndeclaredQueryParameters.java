package org.chibo.chassis.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.chibo.chassis.security.SecuritySettings;
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
 * A query parameter an endpoint does not declare is a 400 naming it, never silently ignored: {@code ?branchId[$ne]=x}
 * (the bracket syntax other stacks' parsers turn into a MongoDB operator) would otherwise pass as a listing without that
 * filter, and a misspelt filter would look like an empty or a wider result. The twin of
 * {@code fail-on-unknown-properties} for bodies. {@code access_token} is taken only on the paths that accept a token in
 * the query ({@code chibo.security.query-token-paths}); elsewhere a token in a URL (which lands in logs) is refused.
 * Registered by the chassis for {@code /api/**}; it runs after authentication, so a caller without a token learns
 * nothing but 401.
 */
public class UndeclaredQueryParameters implements HandlerInterceptor {

    private static final String ACCESS_TOKEN = "access_token";
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final SecuritySettings security;
    private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

    public UndeclaredQueryParameters(SecuritySettings security) {
        this.security = security;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> allowed = declared.computeIfAbsent(method, UndeclaredQueryParameters::requestParameters);
        boolean tokenInQuery = security.takesQueryToken(request.getRequestURI());
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name) && !(tokenInQuery && ACCESS_TOKEN.equals(name))) {
                throw new BadRequestException("query parameter '" + name + "' is not taken here"
                        + (allowed.isEmpty() ? "" : "; this endpoint takes " + allowed.stream().sorted().collect(Collectors.joining(", "))), name);
            }
        }
        return true;
    }

    private static Set<String> requestParameters(HandlerMethod method) {
        return java.util.Arrays.stream(method.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestParam.class))
                .map(UndeclaredQueryParameters::nameOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String nameOf(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (StringUtils.hasText(annotation.name())) {
            return annotation.name();
        }
        if (StringUtils.hasText(annotation.value())) {
            return annotation.value();
        }
        parameter.initParameterNameDiscovery(NAMES);
        return parameter.getParameterName();
    }
}
