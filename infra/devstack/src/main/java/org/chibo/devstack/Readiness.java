package org.chibo.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until freshly started children are ready, failing fast (with their last log lines) when one dies. */
final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private Readiness() {
    }

    /** One readiness check; {@link #ready()} returns quickly, {@link #lastProblem()} explains the last "no". */
    interface Probe extends AutoCloseable {
        boolean ready();

        String lastProblem();

        @Override
        default void close() {
        }
    }

    /**
     * Polls every child's probe until all are ready. Children of one stage start together and are awaited together,
     * so a child that dies is reported at once, not after a sibling's timeout.
     */
    static void awaitAll(Map<ChildProcess, Probe> starting, Duration timeout, BooleanSupplier abandoned, Console console) {
        long startedAt = System.nanoTime();
        long deadline = startedAt + timeout.toNanos();
        Map<ChildProcess, Probe> pending = new LinkedHashMap<>(starting);
        try {
            while (!pending.isEmpty()) {
                if (abandoned.getAsBoolean()) {
                    throw new StackException("start abandoned: the stack is closing");
                }
                for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                    var entry = it.next();
                    ChildProcess child = entry.getKey();
                    if (!child.isAlive()) {
                        child.drainOutput();
                        throw new StackException(child.name() + " exited with code " + child.exitValue()
                                + " before it was ready." + lastLines(child));
                    }
                    if (entry.getValue().ready()) {
                        console.info(String.format("%s ready in %.1f s", child.name(), (System.nanoTime() - startedAt) / 1e9));
                        entry.getValue().close();
                        it.remove();
                    } else if (System.nanoTime() > deadline) {
                        throw new StackException(child.name() + " was not ready within " + timeout.toSeconds()
                                + " s (last check: " + entry.getValue().lastProblem() + ")." + lastLines(child));
                    }
                }
                sleep(POLL_INTERVAL);
            }
        } finally {
            pending.values().forEach(Probe::close);
        }
    }

    private static String lastLines(ChildProcess child) {
        List<String> lines = child.lastLines();
        StringBuilder text = new StringBuilder(System.lineSeparator())
                .append("Last lines of ").append(child.logFile()).append(':');
        lines.forEach(line -> text.append(System.lineSeparator()).append("  ").append(line));
        return text.toString();
    }

    /** Accepting TCP connections: enough for the Mongo store, whose bind happens once its backend is open. */
    static Probe port(int port) {
        return new Probe() {
            private String problem = "not checked yet";

            @Override
            public boolean ready() {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("localhost", port), 500);
                    return true;
                } catch (IOException e) {
                    problem = "localhost:" + port + " refused a connection: " + e.getMessage();
                    return false;
                }
            }

            @Override
            public String lastProblem() {
                return problem;
            }
        };
    }

    /**
     * The broker binds its port before it has caught up with its metadata, so an open port is not enough: ready
     * means an admin client sees a registered broker.
     */
    static Probe kafka(int port) {
        return new Probe() {
            private final Probe portOpen = port(port);
            private Admin admin;
            private String problem = "not checked yet";

            @Override
            public boolean ready() {
                if (!portOpen.ready()) {
                    problem = portOpen.lastProblem();
                    return false;
                }
                if (admin == null) {
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return true;
                    }
                    problem = "the broker reports no live brokers yet";
                } catch (ExecutionException | TimeoutException e) {
                    problem = "describeCluster on localhost:" + port + " failed: " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problem = "interrupted";
                }
                return false;
            }

            @Override
            public String lastProblem() {
                return problem;
            }

            @Override
            public void close() {
                if (admin != null) {
                    admin.close(Duration.ofSeconds(1));
                    admin = null;
                }
            }
        };
    }

    /** Spring Boot's health endpoint: HTTP 200 with an overall {@code "status":"UP"}. */
    static Probe health(int port) {
        URI uri = URI.create("http://localhost:" + port + "/actuator/health");
        Pattern up = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        return new Probe() {
            private String problem = "not checked yet";

            @Override
            public boolean ready() {
                try {
                    HttpResponse<String> response = client.send(
                            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && up.matcher(response.body()).find()) {
                        return true;
                    }
                    problem = "GET " + uri + " answered " + response.statusCode() + " " + abbreviate(response.body());
                } catch (IOException e) {
                    problem = "GET " + uri + " failed: " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problem = "interrupted";
                }
                return false;
            }

            @Override
            public String lastProblem() {
                return problem;
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the stack to become ready");
        }
    }
}
