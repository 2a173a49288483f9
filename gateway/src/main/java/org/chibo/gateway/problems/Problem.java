package org.chibo.gateway.problems;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * One RFC 9457 problem the gateway answers itself: {@code type} is a slug under {@link #TYPE_BASE}, like the services'
 * own problems, so a client reads gateway and service errors alike. Extensions become extra members of the JSON
 * object (e.g. {@code service}); headers go on the response (e.g. {@code Retry-After}).
 */
public record Problem(HttpStatusCode status, String type, String title, String detail, Map<String, Object> extensions,
                      HttpHeaders headers) {

    /** The services' type base (chassis ProblemDetailsAdvice): one vocabulary for the whole platform. */
    public static final String TYPE_BASE = "https://chibo.org/problems/";

    public Problem {
        extensions = Map.copyOf(extensions);
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(headers);
        headers = HttpHeaders.readOnlyHttpHeaders(copy);
    }

    public static Problem of(HttpStatusCode status, String type, String title, String detail) {
        return new Problem(status, type, title, detail, Map.of(), new HttpHeaders());
    }

    public Problem withExtension(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(status, type, title, detail, more, headers);
    }

    public Problem withHeader(String name, String value) {
        HttpHeaders more = new HttpHeaders();
        more.addAll(headers);
        more.add(name, value);
        return new Problem(status, type, title, detail, extensions, more);
    }

    /** Retry-After in whole seconds, rounded up and at least 1: a client told "0" would retry at once. */
    public Problem withRetryAfter(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
}
