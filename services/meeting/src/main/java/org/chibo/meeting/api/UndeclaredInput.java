package org.chibo.meeting.api;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.chibo.chassis.web.BadRequestException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses (400, naming its first field) a body sent to an endpoint that takes none ({@code POST …/open}), which Spring
 * would silently drop: {@code {"status":"RECORDED"}} changes nothing there, but the caller should hear so rather than
 * believe it did. An empty body or {@code {}} is fine. Bodies of endpoints that take one are Jackson's: unknown fields
 * are refused there; undeclared query parameters are refused by the chassis ({@code UndeclaredQueryParameters}).
 */
class UndeclaredInput implements HandlerInterceptor {

    private static final String OWN_PACKAGE = "org.chibo.meeting.";
    /** A body to an endpoint that takes none is read this far, to name its first field. */
    private static final int MAX_UNDECLARED_BODY = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<HandlerMethod, Boolean> takesBody = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
            return true;
        }
        if (!takesBody.computeIfAbsent(method, UndeclaredInput::declaresBody)) {
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

    private static boolean declaresBody(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }
}
