package org.chibo.citysim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.chibo.citysim.auth.TokenSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a JSON Lines file into the platform through the membership service's import API: the file goes in chunks of
 * whole lines, each an independent {@code POST /api/v1/imports?firstLine=n} (units come first in the file, so the
 * member chunks find their branches). The import is idempotent (a row already there is "unchanged"), which is what
 * makes re-sending a chunk after a dropped connection, a timeout or a 5xx safe. At the end it asks the platform for
 * the city's counts and compares them with the profile.
 */
public final class CityLoader {

    public static final int DEFAULT_CHUNK_LINES = 5_000;
    public static final int DEFAULT_MAX_RETRIES = 5;
    /**
     * Member-only chunks sent at once. Two keep a 2-core machine's membership service busy on one chunk while the
     * store writes the other's; a chunk holding units is sent alone, after everything before it was answered, since
     * the rows after it may name its units.
     */
    public static final int DEFAULT_IN_FLIGHT = 2;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int KEPT_REJECTED_TEXT = 200;

    /**
     * @param chunkLines     lines per request (the membership service refuses more than 10,000 by default)
     * @param maxRetries     retries of one request after a connection failure or a 5xx, on top of the first try
     * @param firstBackoff   wait before the first retry; doubled on each further one, at most 30 s
     * @param requestTimeout how long one request may take before it counts as failed (and is retried)
     * @param cityCode       the code of the unit whose subtree is counted at the end
     * @param tokens         the bearer token of every request: an administrator's (imports are an administrative call)
     */
    public record Options(URI base, int chunkLines, int maxRetries, Duration firstBackoff, Duration requestTimeout,
                          String cityCode, TokenSource tokens, int inFlight) {

        public Options {
            String text = base.toString();
            base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (chunkLines < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1 line, not " + chunkLines);
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("retries must not be negative");
            }
            if (inFlight < 1) {
                throw new IllegalArgumentException("at least one request must be in flight, not " + inFlight);
            }
        }

        public Options(URI base, int chunkLines, int maxRetries, Duration firstBackoff, Duration requestTimeout,
                       String cityCode, TokenSource tokens) {
            this(base, chunkLines, maxRetries, firstBackoff, requestTimeout, cityCode, tokens, DEFAULT_IN_FLIGHT);
        }

        public static Options defaults(URI base) {
            return new Options(base, DEFAULT_CHUNK_LINES, DEFAULT_MAX_RETRIES, Duration.ofMillis(500),
                    Duration.ofMinutes(5), HaiPhong.CODE, TokenSource.NONE);
        }

        public Options withChunkLines(int lines) {
            return new Options(base, lines, maxRetries, firstBackoff, requestTimeout, cityCode, tokens, inFlight);
        }

        public Options withRetries(int retries, Duration backoff) {
            return new Options(base, chunkLines, retries, backoff, requestTimeout, cityCode, tokens, inFlight);
        }

        public Options withRequestTimeout(Duration timeout) {
            return new Options(base, chunkLines, maxRetries, firstBackoff, timeout, cityCode, tokens, inFlight);
        }

        public Options withTokens(TokenSource source) {
            return new Options(base, chunkLines, maxRetries, firstBackoff, requestTimeout, cityCode, source, inFlight);
        }

        public Options withInFlight(int requests) {
            return new Options(base, chunkLines, maxRetries, firstBackoff, requestTimeout, cityCode, tokens, requests);
        }
    }

    /** The load could not go on: a request failed for good, or the platform answered something unusable. */
    public static final class LoadFailedException extends IOException {
        public LoadFailedException(String message) {
            super(message);
        }
    }

    private final Options options;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();

    public CityLoader(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public LoadReport load(Path file, CityProfile profile) throws IOException, InterruptedException {
        long total = countLines(file);
        int chunks = (int) ((total + options.chunkLines - 1) / options.chunkLines);
        say("loading %s: %,d lines in %,d chunks of up to %,d lines into %s", file, total, chunks, options.chunkLines,
                options.base);
        long started = System.nanoTime();
        Tally tally = new Tally();
        try (HttpClient http = client();
             BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> chunk = new ArrayList<>(Math.min(options.chunkLines, 100_000));
            long sent = 0;
            int index = 0;
            try (InFlight inFlight = new InFlight(options.inFlight)) {
                for (String line = in.readLine(); ; line = in.readLine()) {
                    if (line != null) {
                        chunk.add(line);
                    }
                    if (chunk.size() == options.chunkLines || (line == null && !chunk.isEmpty())) {
                        List<String> lines = List.copyOf(chunk);
                        long firstLine = sent + 1;
                        int at = ++index;
                        sent += lines.size();
                        chunk.clear();
                        Request request = () -> {
                            JsonNode answer = postChunk(http, lines, firstLine, at, chunks);
                            synchronized (tally) {
                                tally.add(answer, lines, firstLine, at);
                                // chunks may be answered out of order: the count answered, not this one's number
                                progress(tally.chunks, chunks, tally.lines, total, started, tally);
                            }
                        };
                        if (membersOnly(lines)) {
                            inFlight.submit(request);
                        } else {
                            inFlight.awaitAll();
                            request.send();
                        }
                    }
                    if (line == null) {
                        break;
                    }
                }
                inFlight.awaitAll();
            }
            long done = tally.lines;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            say("sent %,d lines in %.1f s: created %,d units and %,d members, %,d unchanged, %,d rejected",
                    done, elapsed.toMillis() / 1000.0, tally.units, tally.members, tally.unchanged, tally.rejected.size());
            // chunks sent together may be answered in either order: the rows in file order
            tally.rejected.sort(java.util.Comparator.comparingLong(LoadReport.Rejection::line));
            printRejected(tally.rejected);
            ProfileCheck comparison = compare(http, profile);
            return new LoadReport(done, index, tally.units, tally.members, tally.unchanged, tally.rejected, elapsed,
                    comparison);
        }
    }

    private HttpClient client() {
        // HTTP/1.1: the JDK's default (h2c upgrade on plain http) buys nothing here and confuses some proxies
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private JsonNode postChunk(HttpClient http, List<String> chunk, long firstLine, int index, int chunks)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder(chunk.size() * 200);
        for (String line : chunk) {
            body.append(line).append('\n');
        }
        HttpRequest request = options.tokens.authorize(
                        HttpRequest.newBuilder(URI.create(options.base + "/api/v1/imports?firstLine=" + firstLine)))
                .timeout(options.requestTimeout)
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        String what = String.format(Locale.ROOT, "chunk %d/%d (lines %,d–%,d)", index, chunks, firstLine,
                firstLine + chunk.size() - 1);
        return send(http, request, what);
    }

    /** One request, retried after a connection failure, a timeout or a 5xx; any other answer but 2xx ends the load. */
    private JsonNode send(HttpClient http, HttpRequest request, String what) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Duration wait = backoff(attempt);
            String problem = null;
            HttpResponse<String> response = null;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (response != null) {
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return parse(response.body(), what);
                }
                if (status < 500) {
                    throw new LoadFailedException(what + ": HTTP " + status + " " + snippet(response.body()));
                }
                problem = "HTTP " + status;
                wait = retryAfter(response).orElse(wait);
            }
            if (attempt >= options.maxRetries) {
                throw new LoadFailedException(what + " failed after " + (attempt + 1) + " attempts; last: " + problem);
            }
            say("%s: %s; retry %d/%d in %.1f s", what, problem, attempt + 1, options.maxRetries, wait.toMillis() / 1000.0);
            Thread.sleep(wait.toMillis());
        }
    }

    private Duration backoff(int attempt) {
        Duration wait = options.firstBackoff.multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** A 503 may say when to come back; a number of seconds is honoured, up to a minute. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                Duration d = Duration.ofSeconds(Long.parseLong(v.trim()));
                return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private JsonNode parse(String body, String what) throws LoadFailedException {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new LoadFailedException(what + ": the answer is not JSON: " + snippet(body));
        }
    }

    private ProfileCheck compare(HttpClient http, CityProfile profile) throws IOException, InterruptedException {
        String code = URLEncoder.encode(options.cityCode, StandardCharsets.UTF_8);
        JsonNode found = send(http, get("/api/v1/organisations?code=" + code), "looking up " + options.cityCode);
        JsonNode items = found.path("items");
        ProfileCheck check;
        if (!items.isArray() || items.isEmpty() || items.get(0).path("id").asString("").isEmpty()) {
            say("the platform has no unit with code %s", options.cityCode);
            check = ProfileCheck.unavailable(profile);
        } else {
            String id = items.get(0).path("id").asString();
            JsonNode counts = send(http, get("/api/v1/organisations/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + "/counts"), "counting " + options.cityCode);
            Map<UnitKind, Integer> units = new EnumMap<>(UnitKind.class);
            for (UnitKind kind : UnitKind.values()) {
                JsonNode n = counts.path("unitsByKind").path(kind.name());
                if (n.isNumber()) {
                    units.put(kind, n.asInt());
                }
            }
            check = ProfileCheck.of(profile, units, counts.path("members").path("total").asLong());
        }
        say("%s in the platform against the profile (%s, %s):", options.cityCode, profile.name(), profile.asOf());
        check.print(out, "platform");
        say(check.allMatch() ? "every figure matches" : "some figures do not match");
        return check;
    }

    private HttpRequest get(String path) throws IOException, InterruptedException {
        return options.tokens.authorize(HttpRequest.newBuilder(URI.create(options.base + path))).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build();
    }

    private void progress(int index, int chunks, long done, long total, long started, Tally tally) {
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        say("chunk %d/%d: %,d/%,d lines (%.1f%%), %,.0f lines/s; created %,d units, %,d members; unchanged %,d; rejected %,d",
                index, chunks, done, total, total == 0 ? 100.0 : 100.0 * done / total, done / seconds,
                tally.units, tally.members, tally.unchanged, tally.rejected.size());
    }

    private void printRejected(List<LoadReport.Rejection> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        say("rejected rows (%,d):", rejected.size());
        for (LoadReport.Rejection r : rejected) {
            out.printf(Locale.ROOT, "  line %,d  %s: %s%n      %s%n", r.line(), r.field(), r.reason(), r.text());
        }
    }

    private void say(String format, Object... args) {
        out.println("[citysim] " + String.format(Locale.ROOT, format, args));
    }

    private static long countLines(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 0;
            while (in.readLine() != null) {
                n++;
            }
            return n;
        }
    }

    private static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** Whether every line is a member row (whose units an earlier chunk brought): such chunks may travel together. */
    private static boolean membersOnly(List<String> lines) {
        return lines.stream().allMatch(l -> l.contains("\"record\":\"member\""));
    }

    /**
     * Requests sent beside the loop, at most {@code limit} at a time; the first failure is thrown by the next
     * {@link #submit} or {@link #awaitAll}, and closing waits for (and cancels on interruption) what is still out.
     */
    private interface Request {
        void send() throws IOException, InterruptedException;
    }

    private static final class InFlight implements AutoCloseable {
        private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        private final Semaphore slots;
        private final List<Future<Void>> pending = new ArrayList<>();

        InFlight(int limit) {
            this.slots = new Semaphore(limit);
        }

        void submit(Request request) throws IOException, InterruptedException {
            slots.acquire();
            pending.add(pool.submit(() -> {
                try {
                    request.send();
                    return null;
                } finally {
                    slots.release();
                }
            }));
            throwFirstFailure(false);
        }

        void awaitAll() throws IOException, InterruptedException {
            throwFirstFailure(true);
        }

        private void throwFirstFailure(boolean wait) throws IOException, InterruptedException {
            for (var it = pending.iterator(); it.hasNext(); ) {
                Future<Void> f = it.next();
                if (!wait && !f.isDone()) {
                    continue;
                }
                try {
                    f.get();
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case IOException io -> throw io;
                        case InterruptedException ie -> throw ie;
                        case RuntimeException re -> throw re;
                        default -> throw new IllegalStateException(e.getCause());
                    }
                }
                it.remove();
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /** Running totals over the chunks answered so far. */
    private final class Tally {
        int chunks;
        long lines;
        long units;
        long members;
        long unchanged;
        final List<LoadReport.Rejection> rejected = new ArrayList<>();

        void add(JsonNode answer, List<String> chunk, long firstLine, int index) {
            int counted = answer.path("lines").asInt(-1);
            if (counted != chunk.size()) {
                say("chunk %d: the platform counted %d lines, %d were sent", index, counted, chunk.size());
            }
            chunks++;
            lines += chunk.size();
            units += answer.path("created").path("units").asLong();
            members += answer.path("created").path("members").asLong();
            unchanged += answer.path("unchanged").asLong();
            for (JsonNode r : answer.path("rejected")) {
                long line = r.path("line").asLong();
                long offset = line - firstLine;
                String text = offset >= 0 && offset < chunk.size() ? chunk.get((int) offset) : "";
                if (text.length() > KEPT_REJECTED_TEXT) {
                    text = text.substring(0, KEPT_REJECTED_TEXT) + "…";
                }
                rejected.add(new LoadReport.Rejection(line, r.path("field").asString(""), r.path("reason").asString(""), text));
            }
        }
    }
}
