package org.chibo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bson.Document;
import org.chibo.citysim.auth.TokenSource;

/**
 * JSON over HTTP against the gateway, as a browser or a script would use it, with one user's bearer token (from the
 * identity provider: {@link Stack#tokens(String)}); {@link #as} speaks as someone else on the same connection pool.
 * {@link Document} (from the MongoDB driver's bson) serves as a small JSON object model, so the tests need no JSON
 * library of their own.
 */
final class GatewayClient implements AutoCloseable {

    /** An HTTP answer: status, content type and the body parsed as a JSON object (empty if it was not one). */
    record Answer(int status, String contentType, String raw, Document json) {

        @Override
        public String toString() {
            return status + " " + contentType + " " + raw;
        }
    }

    private final URI base;
    private final HttpClient http;
    private final TokenSource tokens;

    GatewayClient(URI base, TokenSource tokens) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), tokens);
    }

    private GatewayClient(URI base, HttpClient http, TokenSource tokens) {
        this.base = base;
        this.http = http;
        this.tokens = tokens;
    }

    /** The same gateway, as another user. */
    GatewayClient as(TokenSource other) {
        return new GatewayClient(base, http, other);
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Answer post(String path, Document body) {
        return post(path, "application/json", body.toJson());
    }

    Answer post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            tokens.authorize(request); // outside the catch below: the identity provider down is not the gateway restarting
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            HttpResponse<String> response = http.send(
                    request.header("Accept", "application/json, application/problem+json")
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            Document json = body.trim().startsWith("{") ? Document.parse(body) : new Document();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body, json);
        } catch (IOException e) {
            return new Answer(-1, "", e.toString(), new Document()); // the gateway restarting: callers poll on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
