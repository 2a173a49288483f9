package org.chibo.membership.access;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.chibo.chassis.web.BadRequestException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a query parameter the endpoint does not declare, with a 400 naming it. Spring ignores unknown parameters,
 * so {@code ?branchId[$ne]=x} (the shape a query-string parser in other stacks turns into a MongoDB operator) would
 * otherwise pass as a search with no branch filter at all: here it is an error, never a match. It runs after
 * authentication, so a caller without a token still learns nothing but 401.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameterGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> declared = declared(method);
        for (String name : request.getParameterMap().keySet()) {
            if (!declared.contains(name)) {
                throw new BadRequestException("unknown query parameter '" + name + "'; this endpoint takes " + declared, name);
            }
        }
        return true;
    }

    private final Map<Method, Set<String>> declaredByMethod = new ConcurrentHashMap<>();

    private Set<String> declared(HandlerMethod handler) {
        return declaredByMethod.computeIfAbsent(handler.getMethod(), method -> {
            Set<String> names = new TreeSet<>();
            Parameter[] parameters = method.getParameters(); // real names: the build compiles with -parameters
            for (Parameter p : parameters) {
                RequestParam rp = p.getAnnotation(RequestParam.class);
                if (rp != null) {
                    names.add(!rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getName());
                }
            }
            return names;
        });
    }
}
