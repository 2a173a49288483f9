package org.chibo.citysim.checkin;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.chibo.citysim.CityGenerator;
import org.chibo.citysim.auth.Credentials;
import org.chibo.citysim.auth.TokenSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the check-in target of the meeting service: a whole city's members checking in to their meetings within
 * the same ten minutes. Through the gateway, like the members' phones would: every branch below a unit gets an
 * extraordinary meeting today (so the month's regular one is left alone), each is opened, then every member on every
 * roster checks in with their meeting's code — interleaved across the city, {@code concurrency} at a time, each
 * member as themselves, with their own token, as 128,874 phones would be — and finally every meeting is cancelled
 * again. The city admin's token schedules, opens and cancels. A member's token is fetched from the identity provider
 * just before their check-in (the password grant, username = card number); that time is reported apart and is not
 * in the check-in latency. Prints progress while it runs and a report at the end; nothing here asserts a time.
 */
public final class CheckInBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** {@code seed}: the demo city's, to know each member's card number (their login). */
    /** {@code loginFirst}: every member logs in before the timed check-ins, so their rate is the check-ins' alone. */
    public record Options(URI base, String unitCode, int concurrency, int maxBranches, long seed, Credentials credentials,
                          boolean loginFirst) {
    }

    /** {@code tokenFetches} and {@code tokenFetchTime}: the members' logins, not counted in the check-in latencies. */
    public record Report(int branches, int checkIns, int failures, Duration setUp, Duration checkInTime, double perSecond,
                         long p50Millis, long p95Millis, long p99Millis, long maxMillis, long tokenFetches,
                         Duration tokenFetchTime) {

        public boolean withinTenMinutes() {
            return checkIns > 0 && failures == 0 && checkInTime.compareTo(Duration.ofMinutes(10)) <= 0;
        }
    }

    private record Opened(String meetingId, String code, List<String> members) {
    }

    private record CheckIn(String meetingId, String code, String memberId) {
    }

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final TokenSource admin;

    public CheckInBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.admin = options.credentials().admin();
    }

    public Report run() throws Exception {
        long start = System.nanoTime();
        String unit = get("/api/v1/organisations?code=" + options.unitCode()).path("items").path(0).path("id").asString();
        if (unit == null || unit.isBlank()) {
            throw new IllegalStateException("no unit with code " + options.unitCode() + " at " + options.base());
        }
        List<String> branches = branchesBelow(unit);
        if (options.maxBranches() > 0 && branches.size() > options.maxBranches()) {
            branches = branches.subList(0, options.maxBranches());
        }
        out.printf("checkin-bench: %,d branches below %s; scheduling and opening a meeting in each%n", branches.size(), options.unitCode());
        List<Opened> opened = openAll(branches);
        Duration setUp = Duration.ofNanos(System.nanoTime() - start);

        List<CheckIn> checkIns = new ArrayList<>();
        for (Opened o : opened) {
            for (String m : o.members()) {
                checkIns.add(new CheckIn(o.meetingId(), o.code(), m));
            }
        }
        Collections.shuffle(checkIns, new Random(options.seed())); // the city arrives all at once, not branch by branch
        MemberLogins logins = new MemberLogins(options.credentials(), options.seed(), CityGenerator.DEFAULT_REFERENCE_DATE);
        out.printf("checkin-bench: %,d meetings open after %.1f s; %,d members check in, %d at a time%n",
                opened.size(), setUp.toMillis() / 1000.0, checkIns.size(), options.concurrency());

        if (options.loginFirst()) {
            long loginStart = System.nanoTime();
            runAll(checkIns.size(), i -> logins.token(checkIns.get(i).memberId()));
            out.printf("checkin-bench: %,d members logged in first, in %.1f s%n", checkIns.size(),
                    (System.nanoTime() - loginStart) / 1e9);
        }
        long[] latencies = new long[checkIns.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<String> firstFailures = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        AtomicLong lastPrint = new AtomicLong(t0);
        runAll(checkIns.size(), i -> {
            CheckIn c = checkIns.get(i);
            String token = logins.token(c.memberId()); // the member logs in first: not part of the check-in's latency
            long s = System.nanoTime();
            HttpResponse<String> r = post("/api/v1/meetings/" + c.meetingId() + "/check-ins",
                    "{\"memberId\":\"" + c.memberId() + "\",\"code\":\"" + c.code() + "\"}", token);
            latencies[i] = System.nanoTime() - s;
            if (r.statusCode() != 200) {
                failed.incrementAndGet();
                if (firstFailures.size() < 5) {
                    firstFailures.add(r.statusCode() + " " + r.body());
                }
            }
            int n = done.incrementAndGet();
            long now = System.nanoTime();
            long last = lastPrint.get();
            if (now - last > 5_000_000_000L && lastPrint.compareAndSet(last, now)) {
                double secs = (now - t0) / 1e9;
                out.printf("checkin-bench: %,d/%,d checked in (%.1f%%) in %.0f s, %.0f/s, %d failed%n",
                        n, checkIns.size(), 100.0 * n / checkIns.size(), secs, n / secs, failed.get());
            }
        });
        Duration checkInTime = Duration.ofNanos(System.nanoTime() - t0);
        firstFailures.forEach(f -> out.println("checkin-bench: failure: " + f));

        out.printf("checkin-bench: cancelling the %,d benchmark meetings%n", opened.size());
        runAll(opened.size(), i -> post("/api/v1/meetings/" + opened.get(i).meetingId() + "/cancel",
                "{\"reason\":\"check-in benchmark\"}", admin.token()));

        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        Report report = new Report(opened.size(), checkIns.size(), failed.get() + branches.size() - opened.size(), setUp, checkInTime,
                checkIns.size() / Math.max(checkInTime.toNanos() / 1e9, 1e-9),
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1_000_000, logins.fetches(), logins.fetchTime());
        out.printf("checkin-bench: %,d check-ins to %,d meetings in %.1f s = %.0f/s; latency p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; "
                        + "%d failed; within ten minutes: %s%n", report.checkIns(), report.branches(), checkInTime.toMillis() / 1000.0,
                report.perSecond(), report.p50Millis(), report.p95Millis(), report.p99Millis(), report.maxMillis(), report.failures(),
                report.withinTenMinutes() ? "yes" : "NO");
        out.printf("checkin-bench: every member checked in as themselves: %,d member tokens fetched in %.1f s of fetching"
                        + " (%.1f ms each on average, %d at a time; not in the latencies above%s)%n", report.tokenFetches(),
                report.tokenFetchTime().toMillis() / 1000.0,
                report.tokenFetches() == 0 ? 0.0 : report.tokenFetchTime().toMillis() / (double) report.tokenFetches(),
                options.concurrency(), options.loginFirst() ? " nor in the rate" : ", but in the rate: see --login-first");
        return report;
    }

    /** Every branch below the unit, from the meeting service's committee overview, 500 a page. */
    private List<String> branchesBelow(String unit) throws Exception {
        String month = LocalDate.now(ZONE).toString().substring(0, 7);
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode overview = get("/api/v1/meetings/overview/committee?organisationId=" + unit + "&month=" + month
                    + "&size=500&page=" + page);
            JsonNode items = overview.path("items");
            items.forEach(b -> ids.add(b.path("branchId").asString()));
            if (items.size() < 500) {
                return ids;
            }
        }
    }

    private List<Opened> openAll(List<String> branches) throws Exception {
        String today = LocalDate.now(ZONE).toString();
        ConcurrentLinkedQueue<Opened> opened = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> firstFailures = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        runAll(branches.size(), i -> {
            HttpResponse<String> scheduled = post("/api/v1/meetings/schedule", "{\"branchId\":\"" + branches.get(i)
                    + "\",\"type\":\"EXTRAORDINARY\",\"on\":\"" + today + "\",\"place\":\"check-in benchmark\"}", admin.token());
            if (scheduled.statusCode() != 201) {
                if (failed.incrementAndGet() <= 3) {
                    firstFailures.add("schedule " + branches.get(i) + ": " + scheduled.statusCode() + " " + scheduled.body());
                }
                return;
            }
            String id = JSON.readTree(scheduled.body()).path("id").asString();
            HttpResponse<String> open = post("/api/v1/meetings/" + id + "/open", "{}", admin.token());
            if (open.statusCode() != 200) {
                if (failed.incrementAndGet() <= 3) {
                    firstFailures.add("open " + id + ": " + open.statusCode() + " " + open.body());
                }
                return;
            }
            JsonNode meeting = JSON.readTree(open.body());
            List<String> members = new ArrayList<>();
            meeting.path("roster").forEach(a -> {
                if (!a.path("exempt").asBoolean()) {
                    members.add(a.path("memberId").asString());
                }
            });
            opened.add(new Opened(id, meeting.path("checkIn").path("code").asString(), members));
        });
        if (failed.get() > 0) {
            out.printf("checkin-bench: %d branches could not schedule or open their meeting%n", failed.get());
            firstFailures.forEach(f -> out.println("checkin-bench: failure: " + f));
        }
        return new ArrayList<>(opened);
    }

    interface Task {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} tasks, at most {@code concurrency} at a time, each on a virtual thread. */
    private void runAll(int count, Task task) throws InterruptedException {
        Semaphore slots = new Semaphore(options.concurrency());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                slots.acquire();
                int index = i;
                pool.submit(() -> {
                    try {
                        task.run(index);
                    } catch (Exception e) {
                        out.println("checkin-bench: " + e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(admin.authorize(HttpRequest.newBuilder(options.base().resolve(path))).GET()
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A POST with {@code token}: the member's own for a check-in, the city admin's for the rest. */
    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(options.base().resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000;
    }
}
