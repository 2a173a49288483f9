package org.chibo.inspection.access;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.chibo.chassis.security.SecuritySettings;
import org.chibo.chassis.web.BadRequestException;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A query parameter an endpoint does not take is a 400 naming it, not silently ignored: {@code organisationId[$ne]=x}
 * (the bracket syntax some frameworks turn into a MongoDB operator) and a misspelt filter that would otherwise widen a
 * listing to everything the caller may see both say so. {@code access_token} is taken only where tokens may come in
 * the query ({@code chibo.security.query-token-paths}); elsewhere a token in a URL (which lands in logs) is refused.
 */
@Component
class QueryParameterGuard implements HandlerInterceptor, WebMvcConfigurer {

    private static final String ACCESS_TOKEN = "access_token";
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final SecuritySettings security;
    private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

    QueryParameterGuard(SecuritySettings security) {
        this.security = security;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("org.chibo.inspection")) {
            return true; // actuator, API description, error pages: not ours to judge
        }
        Set<String> allowed = declared.computeIfAbsent(method, QueryParameterGuard::requestParameters);
        boolean tokenInQuery = security.queryTokenPaths().stream().anyMatch(p -> request.getRequestURI().startsWith(p));
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name) && !(tokenInQuery && ACCESS_TOKEN.equals(name))) {
                throw new BadRequestException("query parameter '" + name + "' is not taken here"
                        + (allowed.isEmpty() ? "" : "; this endpoint takes " + String.join(", ", allowed.stream().sorted().toList())), name);
            }
        }
        return true;
    }

    private static Set<String> requestParameters(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        String[] discovered = NAMES.getParameterNames(method.getMethod());
        for (MethodParameter p : method.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = StringUtils.hasText(param.name()) ? param.name() : discovered == null ? null : discovered[p.getParameterIndex()];
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return Set.copyOf(names);
    }
}
