package org.chibo.citysim.meetings;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.chibo.citysim.auth.TokenSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a generated year in a running platform through its HTTP API, in four steps: find the ids of every branch
 * and member ({@link PlatformIds}), register the exemptions ({@code POST /api/v1/members/{id}/exemption}) so the
 * meeting service knows them before any meeting, {@code POST /api/v1/meetings} every meeting as it is generated, then
 * each branch's twelve collection sheets of dues ({@code POST /api/v1/organisations/{id}/dues-sheets}, generated again:
 * the year is deterministic, and holding a city's sheets in memory would not be). A sheet sent again records nothing
 * twice.
 * Up to {@code concurrency} requests are in flight at once. Each meeting carries its client reference; a 409 on the
 * reference means an earlier run recorded it already, so a re-run or a resumed load records nothing twice.
 */
public final class MeetingYearLoader {

    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int PRINTED_PROBLEMS = 5;
    /** A load gives up once this many requests have failed for good and they are most of what was tried. */
    static final int GIVE_UP_AFTER_FAILURES = 20;
    private static final String MEETINGS = "meetings";
    private static final String DUES = "dues (branches)";
    /** How often a sheet answered 409 "changed meanwhile" is sent again. */
    private static final int SHEET_RETRIES = 5;
    /**
     * How often, and how far apart, an online meeting answered 422 {@code mode} is sent again: its branch's approval
     * was just given, and reaches the meeting service through {@code membership.events}.
     */
    private static final int ONLINE_RETRIES = 40;
    private static final Duration ONLINE_RETRY_PAUSE = Duration.ofMillis(500);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Told where a load has got to: e.g. a test that waits for the platform between the steps, or disturbs it
     * part-way through the meetings. Called on the loader's threads ({@code meetingsDone} by up to
     * {@code concurrency} at once): keep it short, or know that the load waits for it.
     */
    public interface Listener {
        /** The ids are found and the exemptions registered; no meeting is sent yet. */
        default void beforeMeetings() {
        }

        /** Another meeting has its answer: {@code done} of the year's {@code total} have one. */
        default void meetingsDone(int done, int total) {
        }

        Listener NONE = new Listener() {
        };
    }

    /**
     * @param memberPageSize members per search page (the service allows up to 200)
     * @param progressEvery  how often to print progress
     * @param tokens         the bearer token of every request: an administrator's, whose subtree holds every branch
     *                       (recording meetings, reading ids and findings, closing periods)
     */
    public record Options(URI base, int concurrency, int memberPageSize, int maxRetries, Duration firstBackoff,
                          Duration requestTimeout, Duration progressEvery, Listener listener, TokenSource tokens) {

        public Options {
            String text = base.toString();
            base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
            }
        }

        public static Options defaults(URI base) {
            return new Options(base, DEFAULT_CONCURRENCY, 200, 5, Duration.ofMillis(500), Duration.ofSeconds(60),
                    Duration.ofSeconds(5), Listener.NONE, TokenSource.NONE);
        }

        public Options withConcurrency(int n) {
            return new Options(base, n, memberPageSize, maxRetries, firstBackoff, requestTimeout, progressEvery, listener, tokens);
        }

        public Options withMemberPageSize(int n) {
            return new Options(base, concurrency, n, maxRetries, firstBackoff, requestTimeout, progressEvery, listener, tokens);
        }

        public Options withRetries(int retries, Duration backoff) {
            return new Options(base, concurrency, memberPageSize, retries, backoff, requestTimeout, progressEvery, listener, tokens);
        }

        public Options withProgressEvery(Duration every) {
            return new Options(base, concurrency, memberPageSize, maxRetries, firstBackoff, requestTimeout, every, listener, tokens);
        }

        public Options withTokens(TokenSource source) {
            return new Options(base, concurrency, memberPageSize, maxRetries, firstBackoff, requestTimeout, progressEvery,
                    listener, source);
        }

        public Options withListener(Listener l) {
            return new Options(base, concurrency, memberPageSize, maxRetries, firstBackoff, requestTimeout, progressEvery, l, tokens);
        }
    }

    private final Options options;
    private final PrintStream out;
    private final Problems problems;
    private volatile PlatformIds ids;

    public MeetingYearLoader(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.problems = new Problems(out, PRINTED_PROBLEMS);
    }

    /** Running counts, read by the progress printer while the workers add to them. */
    private static final class Tally {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger recorded = new AtomicInteger();
        final AtomicInteger already = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger notSent = new AtomicInteger();
        final AtomicInteger unknownBranches = new AtomicInteger();
        final AtomicInteger lookupsFailed = new AtomicInteger();
        final AtomicInteger exemptionsRegistered = new AtomicInteger();
        final AtomicInteger exemptionsRefused = new AtomicInteger();
        final AtomicInteger branchesDone = new AtomicInteger();
        final AtomicInteger sheetsDone = new AtomicInteger();
        final AtomicInteger sheetsFailed = new AtomicInteger();
        final AtomicInteger sheetsRefused = new AtomicInteger();
        final AtomicInteger sheetsNotSent = new AtomicInteger();
        final AtomicInteger rowsRecorded = new AtomicInteger();
        final AtomicInteger rowsUnchanged = new AtomicInteger();
        final AtomicInteger rowsRejected = new AtomicInteger();
        final AtomicBoolean abandoned = new AtomicBoolean();
    }

    /**
     * Loads the year {@code generator} makes; when {@code files} is given, each branch's year is also written there
     * as it goes by (so the files are exactly what was sent).
     */
    public YearLoadReport load(MeetingYearGenerator generator, MeetingYearGenerator.YearFiles files)
            throws IOException, InterruptedException {
        List<CityRolls.BranchRolls> branches = generator.city().branches();
        int total = generator.plannedMeetings();
        say("loading the %d meeting year into %s: %,d branches, %,d meetings, %d requests at a time", generator.year(),
                options.base(), branches.size(), total, options.concurrency());
        long started = System.nanoTime();
        Tally tally = new Tally();
        try (HttpClient http = newClient()) {
            PlatformCalls calls = calls(http);
            long lookupStarted = System.nanoTime();
            PlatformIds ids = lookUp(calls, generator.city(), tally, started);
            Duration lookupTime = Duration.ofNanos(System.nanoTime() - lookupStarted);
            int unknownMembers = unknownMembers(generator.city(), ids);

            List<Exemption> exemptions = generator.exemptions();
            inParallel(exemptions.iterator(), exemptions.size(), new AtomicInteger(), tally.exemptionsRefused, "exemptions",
                    tally, started, e -> exempt(calls, ids, e, tally));
            say("exemptions: %,d registered, %,d refused", tally.exemptionsRegistered.get(), tally.exemptionsRefused.get());

            options.listener().beforeMeetings();
            long meetingsStarted = System.nanoTime();
            // a branch holding meetings online is approved for them before its meetings are sent
            Iterator<GeneratedMeeting> meetings = meetingsOf(generator.branchYears(), files, year -> approveOnline(calls, ids, year));
            inParallel(meetings, total, tally.done, tally.failed, MEETINGS, tally, meetingsStarted,
                    m -> send(calls, ids, m, tally));
            Duration sending = Duration.ofNanos(System.nanoTime() - meetingsStarted);
            long duesStarted = System.nanoTime();
            // a branch's sheets one after another, as its treasurer records them, the branches side by side: two sheets of
            // one branch at once would both write each of its members' records
            inParallel(generator.branchYears(), branches.size(), tally.branchesDone, tally.sheetsFailed, DUES, tally, duesStarted,
                    year -> {
                        for (DuesSheet sheet : year.dues()) {
                            sendSheet(calls, ids, sheet, tally);
                        }
                    });
            double duesSeconds = seconds(Duration.ofNanos(System.nanoTime() - duesStarted));
            say("dues: %,d sheets in %.1f s (%,.1f sheets/s): %,d payments recorded, %,d already there, %,d rows refused, "
                            + "%,d sheets refused, %,d failed, %,d not sent (unknown ids)", tally.sheetsDone.get(), duesSeconds,
                    tally.sheetsDone.get() / Math.max(duesSeconds, 1e-3), tally.rowsRecorded.get(), tally.rowsUnchanged.get(),
                    tally.rowsRejected.get(), tally.sheetsRefused.get(), tally.sheetsFailed.get(), tally.sheetsNotSent.get());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            say("sent %,d meetings in %.1f s (%,.1f meetings/s; %.1f s in all): %,d recorded, %,d already there, "
                            + "%,d conflicts, %,d refused, %,d failed, %,d not sent (unknown ids)", tally.done.get(),
                    seconds(sending), tally.done.get() / Math.max(seconds(sending), 1e-3), seconds(elapsed),
                    tally.recorded.get(), tally.already.get(), tally.conflicts.get(), tally.rejected.get(),
                    tally.failed.get(), tally.notSent.get());
            YearLoadReport report = new YearLoadReport(branches.size(),
                    tally.unknownBranches.get() + tally.lookupsFailed.get(), generator.city().members(),
                    unknownMembers, ids.requests.get(), lookupTime, exemptions.size(), tally.exemptionsRegistered.get(),
                    tally.exemptionsRefused.get(), tally.done.get(), tally.recorded.get(), tally.already.get(),
                    tally.conflicts.get(), tally.rejected.get(), tally.failed.get(), tally.notSent.get(),
                    tally.abandoned.get(), elapsed, tally.sheetsDone.get(), tally.rowsRecorded.get(), tally.rowsUnchanged.get(),
                    tally.rowsRejected.get() + tally.sheetsRefused.get() + tally.sheetsNotSent.get(), tally.sheetsFailed.get());
            say(report.ok() ? "every meeting of the year is recorded" : "the year is NOT completely recorded");
            if (tally.abandoned.get()) {
                say("the load was given up; run it again once the platform answers (what is recorded stays recorded)");
            }
            return report;
        }
    }

    /**
     * The ids of the city's branches and members, as the first step of a load finds them: for a check of the findings
     * of a year loaded earlier (a load keeps its own, see {@link #ids()}).
     */
    public PlatformIds findIds(CityRolls city) throws InterruptedException {
        try (HttpClient http = newClient()) {
            return lookUp(calls(http), city, new Tally(), System.nanoTime());
        }
    }

    /** The ids the last {@link #load} found (null before any): the check of the findings reads them back. */
    public PlatformIds ids() {
        return ids;
    }

    private PlatformIds lookUp(PlatformCalls calls, CityRolls city, Tally tally, long started) throws InterruptedException {
        List<CityRolls.BranchRolls> branches = city.branches();
        PlatformIds found = new PlatformIds(calls, options.memberPageSize());
        long lookupStarted = System.nanoTime();
        inParallel(branches.iterator(), branches.size(), new AtomicInteger(), tally.lookupsFailed, "ids", tally, started, branch -> {
            if (!found.resolve(branch)) {
                tally.unknownBranches.incrementAndGet();
                problems.failure("the platform has no unit with code " + branch.code());
            }
        });
        double lookupSeconds = seconds(Duration.ofNanos(System.nanoTime() - lookupStarted));
        say("ids: %,d of %,d branches and %,d of %,d members found in %,d requests, %.1f s (%,.0f requests/s)",
                branches.size() - tally.unknownBranches.get() - tally.lookupsFailed.get(), branches.size(),
                city.members() - unknownMembers(city, found), city.members(), found.requests.get(), lookupSeconds,
                found.requests.get() / Math.max(lookupSeconds, 1e-3));
        ids = found;
        return found;
    }

    private static int unknownMembers(CityRolls city, PlatformIds ids) {
        return (int) city.branches().stream().flatMap(b -> b.members().stream())
                .filter(m -> ids.member(m.cardNumber()) == null).count();
    }

    private HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private PlatformCalls calls(HttpClient http) {
        return new PlatformCalls(http, options.base(), options.maxRetries(), options.firstBackoff(), options.requestTimeout(),
                options.tokens());
    }

    @FunctionalInterface
    private interface Work<T> {
        void run(T item) throws IOException, InterruptedException;
    }

    /**
     * Runs {@code work} on every item, at most {@code concurrency} at a time (a permit is taken before an item is
     * even generated), printing progress meanwhile. A request that fails for good is counted in {@code failed} and
     * printed, and the others go on.
     */
    private <T> void inParallel(Iterator<T> items, int total, AtomicInteger done, AtomicInteger failed, String phase,
                                Tally tally, long started, Work<T> work) throws InterruptedException {
        Semaphore permits = new Semaphore(options.concurrency());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "citysim-progress");
            t.setDaemon(true);
            return t;
        });
        long every = options.progressEvery().toMillis();
        clock.scheduleAtFixedRate(() -> progress(phase, done.get(), total, started, tally), every, every, TimeUnit.MILLISECONDS);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                permits.acquire();
                if (failed.get() >= GIVE_UP_AFTER_FAILURES && 2 * failed.get() > done.get() && !tally.abandoned.getAndSet(true)) {
                    say("giving up: %,d of %,d requests failed for good (is the platform at %s up?)", failed.get(),
                            done.get(), options.base());
                }
                if (tally.abandoned.get() || !items.hasNext()) {
                    permits.release();
                    break;
                }
                T item = items.next();
                workers.submit(() -> {
                    try {
                        work.run(item);
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        problems.failure(e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        int answered = done.incrementAndGet();
                        try {
                            if (phase.equals(MEETINGS)) {
                                options.listener().meetingsDone(answered, total);
                            }
                        } finally {
                            permits.release();
                        }
                    }
                    return null;
                });
            }
        } finally {
            clock.shutdownNow();
        }
        progress(phase, done.get(), total, started, tally);
    }

    private void progress(String phase, int done, int total, long started, Tally tally) {
        double s = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        if (phase.equals(MEETINGS)) {
            say("meetings %,d/%,d (%.1f%%), %,.1f meetings/s; recorded %,d, already there %,d, conflicts %,d, refused %,d, "
                            + "failed %,d, not sent %,d", done, total, total == 0 ? 100.0 : 100.0 * done / total, done / s,
                    tally.recorded.get(), tally.already.get(), tally.conflicts.get(), tally.rejected.get(),
                    tally.failed.get(), tally.notSent.get());
        } else {
            say("%s %,d/%,d (%.1f%%), %,.1f/s; failed %,d", phase, done, total, total == 0 ? 100.0 : 100.0 * done / total,
                    done / s, tally.failed.get());
        }
    }

    private void exempt(PlatformCalls calls, PlatformIds ids, Exemption e, Tally tally) throws IOException, InterruptedException {
        String id = ids.member(e.cardNumber());
        if (id == null) {
            tally.exemptionsRefused.incrementAndGet();
            return;
        }
        // registering the same exemption again changes nothing but the member's history: a re-run may repeat it
        HttpResponse<String> r = calls.post("/api/v1/members/" + id + "/exemption", MeetingJson.exemptionBody(e));
        if (r.statusCode() / 100 == 2) {
            tally.exemptionsRegistered.incrementAndGet();
        } else {
            tally.exemptionsRefused.incrementAndGet();
            problems.report("exemption of " + e.cardNumber(), r.statusCode(), r.body());
        }
    }

    /** Approves the branch for online meetings (03-HD/TW) from the day its year says; nothing for a branch holding none. */
    private void approveOnline(PlatformCalls calls, PlatformIds ids, BranchYear year) throws IOException, InterruptedException {
        String branchId = ids.branch(year.branch().code());
        if (year.onlineFrom() == null || branchId == null) {
            return;
        }
        // the same approval again replaces the earlier one with itself: a re-run may repeat it
        HttpResponse<String> r = calls.put("/api/v1/organisations/" + branchId + "/online-eligibility",
                MeetingJson.onlineEligibilityBody(year.onlineFrom()));
        if (r.statusCode() / 100 != 2) {
            problems.report("online approval of " + year.branch().code(), r.statusCode(), r.body());
        }
    }

    private void send(PlatformCalls calls, PlatformIds ids, GeneratedMeeting m, Tally tally) throws IOException, InterruptedException {
        String branchId = ids.branch(m.branchCode());
        boolean known = branchId != null && m.attendance().stream().allMatch(a -> ids.member(a.cardNumber()) != null);
        if (!known) {
            tally.notSent.incrementAndGet();
            return;
        }
        String body = MeetingJson.requestBody(m, branchId, ids::member);
        HttpResponse<String> r = calls.post("/api/v1/meetings", body);
        for (int i = 0; i < ONLINE_RETRIES && m.online() && r.statusCode() == 422 && Problems.about(r.body(), "mode"); i++) {
            Thread.sleep(ONLINE_RETRY_PAUSE);
            r = calls.post("/api/v1/meetings", body);
        }
        int status = r.statusCode();
        if (status / 100 == 2) {
            tally.recorded.incrementAndGet();
        } else if (status == 409 && Problems.aboutReference(r.body())) {
            tally.already.incrementAndGet();
        } else if (status == 409) {
            tally.conflicts.incrementAndGet();
            problems.report("meeting " + m.reference(), status, r.body());
        } else {
            tally.rejected.incrementAndGet();
            problems.report("meeting " + m.reference(), status, r.body());
        }
    }

    /** Sends one sheet; a 409 for a record changed meanwhile (a member's, by the outbox) is sent again: it is idempotent. */
    private void sendSheet(PlatformCalls calls, PlatformIds ids, DuesSheet sheet, Tally tally) throws IOException, InterruptedException {
        tally.sheetsDone.incrementAndGet();
        if (!sheet.anyPaid()) {
            return; // nothing collected that month: no sheet to record
        }
        String branchId = ids.branch(sheet.branchCode());
        boolean known = branchId != null && sheet.rows().stream().filter(DuesSheet.Row::paid).allMatch(r -> ids.member(r.cardNumber()) != null);
        if (!known) {
            tally.sheetsNotSent.incrementAndGet();
            return;
        }
        String body = MeetingJson.duesSheet(sheet, ids::member, true);
        HttpResponse<String> r = calls.post("/api/v1/organisations/" + branchId + "/dues-sheets", body);
        for (int again = 0; again < SHEET_RETRIES && r.statusCode() == 409 && r.body().contains("concurrent-change"); again++) {
            r = calls.post("/api/v1/organisations/" + branchId + "/dues-sheets", body);
        }
        if (r.statusCode() != 200) {
            tally.sheetsRefused.incrementAndGet();
            problems.report("dues sheet " + sheet.branchCode() + " " + sheet.month(), r.statusCode(), r.body());
            return;
        }
        JsonNode answer = JSON.readTree(r.body());
        tally.rowsRecorded.addAndGet(answer.path("recorded").asInt());
        tally.rowsUnchanged.addAndGet(answer.path("unchanged").asInt());
        if (!answer.path("rejected").isEmpty()) {
            tally.rowsRejected.addAndGet(answer.path("rejected").size());
            problems.report("dues sheet " + sheet.branchCode() + " " + sheet.month() + " (rows refused)", r.statusCode(), r.body());
        }
    }

    /** The year's meetings one after another, each branch's written to {@code files} (when given) as it is reached. */
    private static Iterator<GeneratedMeeting> meetingsOf(Iterator<BranchYear> years, MeetingYearGenerator.YearFiles files,
                                                         Work<BranchYear> first) {
        return new Iterator<>() {
            Iterator<GeneratedMeeting> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && years.hasNext()) {
                    BranchYear year = years.next();
                    if (files != null) {
                        try {
                            files.write(year);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    try {
                        first.run(year);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                    current = year.meetings().iterator();
                }
                return current.hasNext();
            }

            @Override
            public GeneratedMeeting next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private void say(String format, Object... args) {
        out.println("[citysim] " + String.format(Locale.ROOT, format, args));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
