package org.chibo.devstack;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

/**
 * A Server-Sent Events connection as a browser's EventSource holds it: each event (id, name, JSON data) is taken off
 * the wire the moment its blank line arrives, with the time it arrived.
 */
final class EventStream implements AutoCloseable {

    /** {@code arrivedAt}: the wall clock, to compare with times the services wrote on the same machine. */
    record Event(String id, String name, Document data, long arrivedNanos, java.time.Instant arrivedAt) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int status;
    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private EventStream(HttpResponse<InputStream> response) {
        status = response.statusCode();
        body = response.body();
        if (status == 200) {
            Thread.ofVirtual().start(this::read);
        }
    }

    /**
     * Opens the stream with {@code token} (the bearer token, sent as a header as curl or a server-side client would);
     * {@code lastEventId} null for a first connection. A refused connection has status -1.
     */
    static EventStream open(URI url, String lastEventId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            return new EventStream(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private EventStream(int status) {
        this.status = status;
        this.body = InputStream.nullInputStream();
    }

    int status() {
        return status;
    }

    /** The next event, or null if none came within {@code atMost}. */
    Event next(Duration atMost) {
        try {
            return events.poll(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            String data = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, Document.parse(data), System.nanoTime(), java.time.Instant.now()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5).strip(); // the feed's data is one line of JSON
                }
            }
        } catch (IOException closed) {
            // the connection ended
        }
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
