package org.chibo.citysim.ratings;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.chibo.citysim.meetings.CityRolls;
import org.chibo.citysim.meetings.MeetingYearGenerator;
import org.chibo.citysim.meetings.MeetingYearLoader;
import org.chibo.citysim.meetings.PlatformCalls;
import org.chibo.citysim.meetings.PlatformIds;
import org.chibo.citysim.meetings.Problems;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a platform's final ratings of a year against {@link RatingOracle}: closes the rating year
 * ({@code POST /api/v1/evaluation/years/{year}/close}, as the city admin), reads every rating
 * ({@code GET /api/v1/evaluation/years/{year}/ratings?subjectType=…}, 500 a page, until a short page) and compares:
 * every member and branch rated as implied, nothing missing and nothing extra, in the rating unit implied; each
 * criterion present and judged as implied, with evidence, and the evidence of every criterion naming what the oracle
 * names (months, figures, finding ids; for an unmet one what decided the rating); and, counted from the platform's
 * answer alone, at most floor(share × n) EXCELLENT of the n rated GOOD or better in every rating unit.
 */
public final class RatingCheck implements AutoCloseable {

    static final int PAGE = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The year close as the platform answered it. */
    public record Closed(int status, int membersRated, int branchesRated, boolean alreadyClosed, long serverMillis,
                         Duration took) {
        public boolean ok() {
            return status == 200;
        }
    }

    private final HttpClient http;
    private final PlatformCalls calls;
    private final PrintStream out;

    public RatingCheck(MeetingYearLoader.Options options, PrintStream out) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        // the close of a whole city takes a minute or more on a busy machine: a generous timeout, no retry of a slow one
        this.calls = new PlatformCalls(http, options.base(), options.maxRetries(), options.firstBackoff(),
                options.requestTimeout().compareTo(Duration.ofMinutes(10)) < 0 ? Duration.ofMinutes(10) : options.requestTimeout(),
                options.tokens());
        this.out = out;
    }

    /** A whole check: the close (null when not asked for), the comparison, and how long the check took after it. */
    public record Outcome(Closed closed, RatingCheckReport report, Duration checkTook) {
        /** Every rating as implied, and the close (when asked for) answered. */
        public boolean ok() {
            return (closed == null || closed.ok()) && report.exact();
        }
    }

    /**
     * Closes the rating year of {@code generated} (when {@code close}), works out what its ground truth implies in
     * the platform's ids ({@code found}, the loader's look-ups) and compares; prints the report with the first
     * {@code shown} differences. With a {@code settle} time, the close waits until evaluation's record of the city
     * ({@link #awaitRecords}) holds every meeting and finding of the year, and is not made if it never does.
     */
    public Outcome run(MeetingYearGenerator generated, PlatformIds found, boolean close, Thresholds t, int shown,
                       String rootCode, Duration settle) throws IOException, InterruptedException {
        RatingOracle oracle = RatingOracle.of(generated, t, ids(generated.city(), found));
        Closed closed = null;
        if (close) {
            boolean ready = settle.isZero() || awaitRecords(rootCode, generated.year(), oracle.meetings(), oracle.findings(), settle);
            closed = ready ? closeYear(generated.year()) : new Closed(0, 0, 0, false, 0, Duration.ZERO);
        }
        long started = System.nanoTime();
        RatingCheckReport report = compare(generated.year(), oracle.ratings(), t, shown);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        say("ratings read and compared in %.1f s", took.toMillis() / 1000.0);
        return new Outcome(closed, report, took);
    }

    /** As above, closing without waiting: the caller knows evaluation has every record. */
    public Outcome run(MeetingYearGenerator generated, PlatformIds found, boolean close, Thresholds t, int shown)
            throws IOException, InterruptedException {
        return run(generated, found, close, t, shown, "HP", Duration.ZERO);
    }

    /**
     * Waits, at most {@code atMost}, until evaluation's scorecard of the unit {@code rootCode} for {@code year}
     * ({@code GET /api/v1/scorecards/organisations/{id}?year=}) counts {@code meetings} meetings recorded and
     * {@code findings} open findings: a close before then would rate an incomplete record. True when it does.
     */
    public boolean awaitRecords(String rootCode, int year, int meetings, int findings, Duration atMost)
            throws IOException, InterruptedException {
        String rootId = PlatformCalls.json(calls.get("/api/v1/organisations?code=" + PlatformCalls.encode(rootCode)),
                "looking up " + rootCode).path("items").path(0).path("id").asString("");
        if (rootId.isEmpty()) {
            throw new IOException("the platform has no unit with code " + rootCode);
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        String last = "";
        while (true) {
            JsonNode card;
            try {
                card = PlatformCalls.json(calls.get("/api/v1/scorecards/organisations/" + PlatformCalls.encode(rootId)
                        + "?year=" + year), "reading the scorecard of " + rootCode);
            } catch (IOException e) {
                // adding up a whole city's branch-years while evaluation consumes the year can outlast the gateway's
                // timeout: not an answer yet, so look again later
                card = JSON.createObjectNode();
                say("the scorecard of %s did not answer (%s); waiting", rootCode, e.getMessage());
            }
            int recorded = card.path("meetingsRecorded").asInt(), open = card.path("openFindings").asInt();
            String now = String.format(Locale.ROOT, "evaluation's record of %s %d: %,d of %,d meetings, %,d of %,d open findings",
                    rootCode, year, recorded, meetings, open, findings);
            if (recorded >= meetings && open >= findings) {
                say("%s: ready to close", now);
                return true;
            }
            if (System.nanoTime() > deadline) {
                say("%s after %d s: NOT closing the rating year", now, atMost.toSeconds());
                return false;
            }
            if (!now.equals(last)) {
                say("%s; waiting", now);
                last = now;
            }
            // the city's scorecard adds up every branch-year: looked at seldom while evaluation is busy consuming
            Thread.sleep(Math.min(30_000, Math.max(1, atMost.toMillis() / 20)));
        }
    }

    /** Closes the rating year; a year closed before answers its first close's figures. */
    public Closed closeYear(int year) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> r = calls.post("/api/v1/evaluation/years/" + year + "/close");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (r.statusCode() != 200) {
            say("closing the rating year %d: HTTP %d %s", year, r.statusCode(), Problems.snippet(r.body()));
            return new Closed(r.statusCode(), 0, 0, false, 0, took);
        }
        JsonNode a = JSON.readTree(r.body());
        Closed c = new Closed(200, a.path("membersRated").asInt(), a.path("branchesRated").asInt(),
                a.path("alreadyClosed").asBoolean(), a.path("durationMillis").asLong(), took);
        say("closed the rating year %d: %,d members and %,d branches rated in %.1f s (server %.1f s)%s%s", year,
                c.membersRated(), c.branchesRated(), took.toMillis() / 1000.0, c.serverMillis() / 1000.0,
                c.alreadyClosed() ? " (closed before)" : "", a.has("membersByRating")
                        ? "; members " + a.path("membersByRating") + ", branches " + a.path("branchesByRating") : "");
        return c;
    }

    /**
     * The platform's names for the city's branches, members and rating units: {@code found} (the loader's look-ups)
     * for branches and members, one {@code GET /api/v1/organisations?code=} per committee that rates a branch.
     */
    public Ids ids(CityRolls city, PlatformIds found) throws IOException, InterruptedException {
        Map<String, String> units = new HashMap<>();
        for (String code : new TreeSet<>(city.branches().stream().map(b -> RatingOracle.ratingUnitCode(city, b.code())).toList())) {
            JsonNode items = PlatformCalls.json(calls.get("/api/v1/organisations?code=" + PlatformCalls.encode(code)),
                    "looking up " + code).path("items");
            units.put(code, items.path(0).path("id").asString("?" + code));
        }
        return new Ids() {
            @Override
            public String member(String cardNumber) {
                String id = found.member(cardNumber);
                return id != null ? id : "?" + cardNumber;
            }

            @Override
            public String branch(String code) {
                String id = found.branch(code);
                return id != null ? id : "?" + code;
            }

            @Override
            public String unit(String code) {
                return units.getOrDefault(code, "?" + code);
            }
        };
    }

    /** Reads every rating of the year and compares it with {@code expected}; prints the report. */
    public RatingCheckReport compare(int year, List<ExpectedRating> expected, Thresholds t, int shown)
            throws IOException, InterruptedException {
        List<JsonNode> platform = new ArrayList<>();
        for (ExpectedRating.SubjectType type : ExpectedRating.SubjectType.values()) {
            platform.addAll(ratings(year, type.name()));
        }
        RatingCheckReport report = compare(expected, platform, t);
        report.print(out, shown);
        return report;
    }

    /** The comparison itself, on ratings as the listing returns them. */
    static RatingCheckReport compare(List<ExpectedRating> expected, List<JsonNode> platform, Thresholds t) {
        RatingCheckReport.Builder d = new RatingCheckReport.Builder();
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode r : platform) {
            if (byKey.putIfAbsent(r.path("subjectType").asString() + ":" + r.path("subjectId").asString(), r) != null) {
                d.add(RatingCheckReport.Kind.EXTRA, key(r), "listed twice");
            }
        }
        int equal = 0;
        for (ExpectedRating e : expected) {
            JsonNode r = byKey.remove(e.key());
            int before = d.differences.size();
            if (r == null) {
                d.add(RatingCheckReport.Kind.MISSING, subject(e), "implied " + e.rating() + ", not in the platform");
                continue;
            }
            compareOne(e, r, d);
            equal += d.differences.size() == before ? 1 : 0;
        }
        byKey.values().forEach(r -> d.add(RatingCheckReport.Kind.EXTRA, key(r), "rated " + r.path("finalRating").asString()
                + ", implies no rating"));
        int units = checkCap(platform, t, d);
        return new RatingCheckReport(counts(expected.stream().map(e -> e.subjectType().name()).toList()),
                counts(platform.stream().map(r -> r.path("subjectType").asString()).toList()),
                levels(expected.stream().map(e -> new String[] {e.subjectType().name(), e.rating().name()}).toList()),
                levels(platform.stream().map(r -> new String[] {r.path("subjectType").asString(), r.path("finalRating").asString()}).toList()),
                equal, units, d.differences);
    }

    private static void compareOne(ExpectedRating e, JsonNode r, RatingCheckReport.Builder d) {
        String subject = subject(e);
        String rating = r.path("finalRating").asString();
        if (!e.rating().name().equals(rating)) {
            d.add(RatingCheckReport.Kind.RATING, subject, "implied " + e.rating() + ", rated " + rating
                    + "; implied unmet: " + e.criteria().stream().filter(c -> !c.met()).map(ExpectedCriterion::name).toList()
                    + "; platform's unmet: " + unmet(r));
        }
        if (!e.unitId().equals(r.path("ratingUnitId").asString())) {
            d.add(RatingCheckReport.Kind.UNIT, subject, "implied rating unit " + e.unitId() + ", the platform's "
                    + r.path("ratingUnitId").asString());
        }
        Map<String, JsonNode> criteria = new LinkedHashMap<>();
        r.path("criteria").forEach(c -> criteria.put(c.path("name").asString(), c));
        for (ExpectedCriterion c : e.criteria()) {
            JsonNode given = criteria.remove(c.name());
            if (given == null) {
                d.add(RatingCheckReport.Kind.CRITERION, subject, "no criterion '" + c.name() + "'");
                continue;
            }
            if (given.path("met").asBoolean() != c.met()) {
                d.add(RatingCheckReport.Kind.CRITERION, subject, "'" + c.name() + "' implied " + (c.met() ? "met" : "not met")
                        + ", the platform's " + (c.met() ? "not met" : "met") + ": " + given.path("evidence").asString());
            }
            String evidence = given.path("evidence").asString("");
            List<String> unnamed = c.names().stream().filter(n -> !evidence.contains(n)).toList();
            if (evidence.isBlank() || !unnamed.isEmpty()) {
                d.add(RatingCheckReport.Kind.EVIDENCE, subject, "'" + c.name() + "' evidence \"" + evidence
                        + "\" does not name " + (evidence.isBlank() ? "anything" : unnamed));
            }
        }
        criteria.forEach((name, c) -> d.add(RatingCheckReport.Kind.CRITERION, subject, "criterion '" + name
                + "' not implied (" + (c.path("met").asBoolean() ? "met" : "not met") + ": " + c.path("evidence").asString() + ")"));
    }

    /** The cap, counted from the platform's answer: per subject type and rating unit, EXCELLENT ≤ floor(share × n). */
    private static int checkCap(List<JsonNode> platform, Thresholds t, RatingCheckReport.Builder d) {
        Map<String, int[]> units = new LinkedHashMap<>();
        for (JsonNode r : platform) {
            int[] counts = units.computeIfAbsent(r.path("subjectType").asString() + " unit " + r.path("ratingUnitId").asString(),
                    u -> new int[2]);
            String level = r.path("finalRating").asString();
            counts[0] += level.equals("EXCELLENT") || level.equals("GOOD") ? 1 : 0;
            counts[1] += level.equals("EXCELLENT") ? 1 : 0;
        }
        units.forEach((unit, counts) -> {
            if (counts[1] > t.excellentAllowed(counts[0])) {
                d.add(RatingCheckReport.Kind.CAP, unit, String.format(Locale.ROOT, "%d EXCELLENT of %d rated GOOD or better, at most %d",
                        counts[1], counts[0], t.excellentAllowed(counts[0])));
            }
        });
        return units.size();
    }

    /** Every rating of one subject type, a page at a time until a short one. */
    private List<JsonNode> ratings(int year, String subjectType) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = PlatformCalls.json(calls.get("/api/v1/evaluation/years/" + year + "/ratings?subjectType=" + subjectType
                    + "&page=" + page + "&size=" + PAGE), "listing the " + subjectType + " ratings").path("items");
            items.forEach(all::add);
            if (items.size() < PAGE) {
                return all;
            }
        }
    }

    private static List<String> unmet(JsonNode r) {
        List<String> names = new ArrayList<>();
        r.path("criteria").forEach(c -> {
            if (!c.path("met").asBoolean()) {
                names.add(c.path("name").asString());
            }
        });
        return names;
    }

    private static Map<String, Integer> counts(List<String> types) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        types.forEach(type -> counts.merge(type, 1, Integer::sum));
        return counts;
    }

    private static Map<String, Map<Level, Integer>> levels(List<String[]> typeAndLevel) {
        Map<String, Map<Level, Integer>> byType = new LinkedHashMap<>();
        for (String[] tl : typeAndLevel) {
            Map<Level, Integer> levels = byType.computeIfAbsent(tl[0], k -> new EnumMap<>(Level.class));
            try {
                levels.merge(Level.valueOf(tl[1]), 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                // a level this check does not know shows as a RATING difference; not counted here
            }
        }
        return byType;
    }

    private static String subject(ExpectedRating e) {
        return e.subjectType() + " " + e.label() + " (" + e.subjectId() + ")";
    }

    private static String key(JsonNode r) {
        return r.path("subjectType").asString() + " " + r.path("subjectId").asString();
    }



    private void say(String format, Object... args) {
        out.println("[citysim] " + String.format(Locale.ROOT, format, args));
    }

    @Override
    public void close() {
        http.close();
    }
}
