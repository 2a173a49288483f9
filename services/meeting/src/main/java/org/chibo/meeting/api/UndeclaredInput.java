package org.chibo.meeting.api;

import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses (400, naming it) input an endpoint does not declare, which Spring would silently drop:
 * <ul>
 * <li>a query parameter it does not take — {@code ?branchId[$gt]=}, a MongoDB operator smuggled in the PHP/Express
 * way, or a misspelt filter would otherwise answer as if it were not there;</li>
 * <li>a body sent to an endpoint that takes none ({@code POST …/open}) — {@code {"status":"RECORDED"}} changes
 * nothing there, but the caller should hear so rather than believe it did. An empty body or {@code {}} is fine.</li>
 * </ul>
 * Bodies of endpoints that take one are Jackson's: unknown fields are refused there (chassis defaults).
 */
class UndeclaredInput implements HandlerInterceptor {

    private static final String OWN_PACKAGE = "org.chibo.meeting.";
    /** A body to an endpoint that takes none is read this far, to name its first field. */
    private static final int MAX_UNDECLARED_BODY = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<HandlerMethod, Declared> declared = new ConcurrentHashMap<>();

    private record Declared(Set<String> queryParameters, boolean takesBody) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
            return true;
        }
        Declared input = declared.computeIfAbsent(method, this::declaredBy);
        for (String name : Collections.list(request.getParameterNames())) {
            if (!input.queryParameters().contains(name)) {
                throw new BadRequestException("query parameter '" + name + "' is not part of this request" + (input.queryParameters().isEmpty()
                        ? "" : "; it takes " + input.queryParameters().stream().sorted().collect(Collectors.joining(", "))), name);
            }
        }
        if (!input.takesBody()) {
            refuseBody(request);
        }
        return true;
    }

    private static void refuseBody(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_UNDECLARED_BODY);
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.equals("{}")) {
            return;
        }
        String field = "body";
        try {
            JsonNode node = JSON.readTree(text);
            if (node.isObject() && !node.propertyNames().isEmpty()) {
                field = node.propertyNames().iterator().next();
            }
        } catch (JacksonException notJson) {
            // named as the body as a whole
        }
        throw new BadRequestException("this request takes no body; '" + field + "' is not part of it", field);
    }

    private Declared declaredBy(HandlerMethod method) {
        Set<String> params = Arrays.stream(method.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestParam.class))
                .map(this::nameOf)
                .collect(Collectors.toUnmodifiableSet());
        boolean body = Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        return new Declared(params, body);
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
