package org.chibo.citysim.meetings;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.chibo.citysim.auth.TokenSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request to the platform, tried again after a dropped connection, a timeout or a 5xx with a doubling wait, and
 * after a 429 (the gateway's rate limit) once the {@code Retry-After} it names has passed — being slowed down is not a
 * failure, so those waits do not count as tries; any other answer (2xx, 409, another 4xx) is handed back as it is
 * for the caller to judge. After the last try the failure is an {@link IOException}.
 */
public final class PlatformCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** How many times one request may be told to slow down before that counts as a failure. */
    private static final int MAX_THROTTLED = 1_000;

    private final HttpClient http;
    private final URI base;
    private final int maxRetries;
    private final Duration firstBackoff;
    private final Duration timeout;
    private final TokenSource tokens;

    public PlatformCalls(HttpClient http, URI base, int maxRetries, Duration firstBackoff, Duration timeout, TokenSource tokens) {
        this.http = http;
        this.tokens = tokens;
        this.base = base;
        this.maxRetries = maxRetries;
        this.firstBackoff = firstBackoff;
        this.timeout = timeout;
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** A POST without a body (the token's subject is who the platform records as acting). */
    public HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) throws IOException, InterruptedException {
        return tokens.authorize(HttpRequest.newBuilder(URI.create(base + pathAndQuery))).timeout(timeout)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        String last;
        int throttled = 0;
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 429 && throttled++ < MAX_THROTTLED) {
                    Thread.sleep(retryAfter(response).toMillis());
                    attempt--;
                    continue;
                }
                if (response.statusCode() < 500) {
                    return response;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt >= maxRetries) {
                throw new IOException(request.method() + " " + request.uri().getRawPath() + " failed after " + (attempt + 1)
                        + " attempts; last: " + last);
            }
            Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt, 16));
            Thread.sleep(Math.min(wait.toMillis(), MAX_BACKOFF.toMillis()));
        }
    }

    /** The answer's JSON when it is a 200, otherwise an {@link IOException} saying {@code what} failed and how. */
    public static JsonNode json(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(what + ": HTTP " + response.statusCode() + " " + Problems.snippet(response.body()));
        }
        return JSON.readTree(response.body());
    }

    /** A query parameter's value, URL-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The wait a 429 asks for: its {@code Retry-After} in seconds, 1 s when it names none, at most a minute. */
    static Duration retryAfter(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        Duration wait = Duration.ofSeconds(Math.max(seconds, 1));
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }
}
