package org.chibo.citysim.auth;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user's access tokens from the password grant ({@code grant_type=password}, client {@code chibo-cli}): fetched
 * on first use, kept, and fetched again once less than a tenth of its lifetime (at most a minute) is left, so a request
 * never leaves with a token that expires on the way. Thread-safe; concurrent callers wait for one fetch. A refusal
 * ({@code invalid_grant}: wrong user or password) is an {@link IOException} naming the user.
 */
public final class PasswordGrantTokens implements TokenSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    private final HttpClient http;
    private final Credentials credentials;
    private final String username;
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong fetchNanos = new AtomicLong();
    private String token;
    private long refreshAtNanos;

    PasswordGrantTokens(HttpClient http, Credentials credentials, String username) {
        this.http = http;
        this.credentials = credentials;
        this.username = username;
    }

    @Override
    public synchronized String token() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() - refreshAtNanos >= 0) {
            fetch();
        }
        return token;
    }

    public String username() {
        return username;
    }

    /** How many tokens were fetched, and how long the fetches took in all. */
    public long fetches() {
        return fetches.get();
    }

    public Duration fetchTime() {
        return Duration.ofNanos(fetchNanos.get());
    }

    private void fetch() throws IOException, InterruptedException {
        long started = System.nanoTime();
        String form = "grant_type=password&client_id=" + enc(credentials.clientId()) + "&username=" + enc(username)
                + "&password=" + enc(credentials.password());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(credentials.tokenUrl())
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long now = System.nanoTime();
        fetches.incrementAndGet();
        fetchNanos.addAndGet(now - started);
        if (response.statusCode() != 200) {
            throw new IOException("no token for " + username + " from " + credentials.tokenUrl() + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        String accessToken = answer.path("access_token").asString(null);
        if (accessToken == null) {
            throw new IOException("no access_token in the answer of " + credentials.tokenUrl() + " for " + username);
        }
        Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(300));
        Duration margin = lifetime.dividedBy(10).compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : lifetime.dividedBy(10);
        token = accessToken;
        refreshAtNanos = started + lifetime.minus(margin).toNanos();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
