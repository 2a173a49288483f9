package org.chibo.inspection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Server-Sent Events reader over the real network, as a browser's EventSource reads: events as they arrive (id,
 * name, data), the comments counted, and the last id seen (on an event, or on a block with an id and no data).
 */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int status;
    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private volatile String lastId;

    private SseClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        if (status == 200) {
            Thread.ofVirtual().start(this::read);
        }
    }

    /** Connects with no token at all: what only a public endpoint would answer. */
    static SseClient connect(String url, String lastEventId) {
        return connect(url, lastEventId, null);
    }

    /** Connects with {@code Authorization: Bearer token} (null for none). */
    static SseClient connect(String url, String lastEventId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return status;
    }

    String lastId() {
        return lastId;
    }

    int comments() {
        return comments.get();
    }

    /** The next event, waiting at most {@code atMost}; fails if none came. */
    Event next(Duration atMost) {
        try {
            Event e = events.poll(atMost.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no event within " + atMost);
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event up to and including the first that matches {@code last}. */
    List<Event> until(Predicate<Event> last, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<Event> received = new ArrayList<>();
        while (true) {
            Event e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            received.add(e);
            if (last.test(e)) {
                return received;
            }
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (id != null) {
                        lastId = id;
                    }
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = value(line, "id:");
                } else if (line.startsWith("event:")) {
                    name = value(line, "event:");
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(value(line, "data:"));
                }
            }
        } catch (IOException closed) {
            // the connection ended
        }
    }

    private static String value(String line, String field) {
        String v = line.substring(field.length());
        return v.startsWith(" ") ? v.substring(1) : v;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
