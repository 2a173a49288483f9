package org.chibo.evaluation.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chibo.chassis.web.BadRequestException;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A query parameter an endpoint does not declare is a 400 naming it, never silently ignored: {@code ?branchId[$gt]=}
 * (how some frameworks smuggle a MongoDB operator into a query) would otherwise be dropped and answer an unfiltered
 * listing, and a misspelt filter would look like an empty result. The twin of {@code fail-on-unknown-properties} for
 * bodies.
 */
@Component
public class KnownQueryParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("org.chibo.evaluation")) {
            return true;
        }
        Set<String> declared = Arrays.stream(method.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestParam.class))
                .map(KnownQueryParameters::name)
                .collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        request.getParameterNames().asIterator().forEachRemaining(n -> {
            if (!declared.contains(n)) {
                unknown.add(n);
            }
        });
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new BadRequestException("unknown query parameter(s) " + unknown + "; this endpoint takes " + declared.stream().sorted().toList(),
                    unknown.toArray(String[]::new));
        }
        return true;
    }

    private static String name(MethodParameter p) {
        RequestParam a = p.getParameterAnnotation(RequestParam.class);
        String name = StringUtils.hasText(a.name()) ? a.name() : a.value();
        return StringUtils.hasText(name) ? name : p.getParameterName();
    }
}
