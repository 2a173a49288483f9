package org.chibo.citysim.meetings;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a platform's inspection findings against the ground truth of the year it recorded: closes the year's months
 * and quarters ({@code POST /api/v1/inspection/periods/{period}/close}, so the calendar rules are judged), reads every
 * finding of the city ({@code GET /api/v1/findings?organisationId=…}, 200 a page), turns the platform's ids back into
 * codes and card numbers with the ids the load found, and compares (see {@link ComparableFinding}).
 *
 * <p>Close the periods only once inspection has judged every meeting: a period closed before a branch's meeting
 * arrived raises an R-P finding that the late meeting then resolves, and the check counts it as extra (it lists the
 * findings of every status).
 */
public final class YearCheck implements AutoCloseable {

    static final int PAGE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One period's close as the platform answered it. */
    public record Closed(String period, int status, int branchesChecked, int findingsRaised, boolean alreadyClosed) {
        public boolean ok() {
            return status == 200;
        }
    }

    private final HttpClient http;
    private final PlatformCalls calls;
    private final PrintStream out;

    public YearCheck(MeetingYearLoader.Options options, PrintStream out) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.calls = new PlatformCalls(http, options.base(), options.maxRetries(), options.firstBackoff(), options.requestTimeout(),
                options.tokens());
        this.out = out;
    }

    /** Every month of {@code year}, and each quarter after its last month, oldest first. */
    public static List<String> periods(int year) {
        List<String> periods = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            periods.add(String.format(Locale.ROOT, "%04d-%02d", year, month));
            if (month % 3 == 0) {
                periods.add(year + "-Q" + month / 3);
            }
        }
        return periods;
    }

    /** Closes every month and quarter of {@code year}; a period closed before answers as it did then. */
    public List<Closed> closeYear(int year) throws IOException, InterruptedException {
        List<Closed> closed = new ArrayList<>();
        for (String period : periods(year)) {
            HttpResponse<String> r = calls.post("/api/v1/inspection/periods/" + period + "/close");
            if (r.statusCode() != 200) {
                say("closing %s: HTTP %d %s", period, r.statusCode(), Problems.snippet(r.body()));
                closed.add(new Closed(period, r.statusCode(), 0, 0, false));
                continue;
            }
            JsonNode answer = JSON.readTree(r.body());
            Closed c = new Closed(period, 200, answer.path("branchesChecked").asInt(), answer.path("findingsRaised").asInt(),
                    answer.path("alreadyClosed").asBoolean());
            say("closed %s: %,d branches checked, %,d findings raised%s", period, c.branchesChecked(), c.findingsRaised(),
                    c.alreadyClosed() ? " (closed before)" : "");
            closed.add(c);
        }
        return closed;
    }

    /**
     * Reads every finding below the unit {@code unitCode} (the city, or a committee) and compares them with
     * {@code truth}; {@code ids} turns the platform's branch and member ids back into codes and card numbers.
     */
    public YearCheckReport compare(String unitCode, PlatformIds ids, List<Finding> truth) throws IOException, InterruptedException {
        List<JsonNode> findings = findingsBelow(unitCode);
        Map<String, Integer> statuses = new LinkedHashMap<>();
        findings.forEach(f -> statuses.merge(f.path("status").asString(), 1, Integer::sum));
        YearCheckReport report = YearCheckReport.of(truth.stream().map(ComparableFinding::ofTruth).toList(),
                findings.stream().map(f -> ComparableFinding.ofPlatform(f, ids)).toList(),
                findings.stream().map(f -> f.path("id").asString()).collect(Collectors.toSet()), statuses);
        report.print(out, MeetingYearLoader.PRINTED_PROBLEMS);
        return report;
    }

    /**
     * Waits until no new finding has appeared below the unit for {@code quiet}: a sign, not a proof, that inspection
     * has judged everything recorded (it raises a finding every dozen meetings or so). A test that can see Kafka
     * waits for the inspection consumer's lag instead.
     */
    public void awaitQuiet(String unitCode, Duration quiet) throws IOException, InterruptedException {
        if (quiet.isZero()) {
            return;
        }
        String unitId = unitId(unitCode);
        say("waiting until inspection has raised no new finding for %d s", quiet.toSeconds());
        String newest = null;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            JsonNode first = PlatformCalls.json(calls.get("/api/v1/findings?organisationId=" + PlatformCalls.encode(unitId)
                            + "&page=0&size=1"),
                    "listing findings").path("items").path(0);
            String now = first.path("id").asString("") + " " + first.path("raisedAt").asString("");
            if (!now.equals(newest)) {
                newest = now;
                quietSince = System.nanoTime();
            }
            Thread.sleep(Math.min(2_000, quiet.toMillis()));
        }
    }

    /** Every finding of the unit's subtree, a page at a time; a finding seen on two pages (raised meanwhile) once. */
    private List<JsonNode> findingsBelow(String unitCode) throws IOException, InterruptedException {
        String unitId = unitId(unitCode);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = PlatformCalls.json(calls.get("/api/v1/findings?organisationId=" + PlatformCalls.encode(unitId)
                            + "&page=" + page + "&size=" + PAGE),
                    "listing findings").path("items");
            items.forEach(f -> byId.putIfAbsent(f.path("id").asString(), f));
            if (items.size() < PAGE) {
                return List.copyOf(byId.values());
            }
        }
    }

    private String unitId(String unitCode) throws IOException, InterruptedException {
        JsonNode units = PlatformCalls.json(calls.get("/api/v1/organisations?code=" + PlatformCalls.encode(unitCode)),
                "looking up " + unitCode);
        String unitId = units.path("items").path(0).path("id").asString("");
        if (unitId.isEmpty()) {
            throw new IOException("the platform has no unit with code " + unitCode);
        }
        return unitId;
    }



    private void say(String format, Object... args) {
        out.println("[citysim] " + String.format(Locale.ROOT, format, args));
    }

    @Override
    public void close() {
        http.close();
    }
}
