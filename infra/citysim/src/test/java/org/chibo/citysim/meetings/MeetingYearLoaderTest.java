package org.chibo.citysim.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class MeetingYearLoaderTest {

    /** The city's first 30 branches: about 480 meetings, with exemptions among their old members. */
    static final int BRANCHES = 30;

    CityRolls city;
    MeetingYearGenerator generator;
    PlatformStub stub;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws Exception {
        city = FullYear.city(42).firstBranches(BRANCHES);
        generator = new MeetingYearGenerator(city, 42, 2025, FullYear.REFERENCE, AnomalyShares.defaults());
        stub = new PlatformStub(city).expectExemptions(generator.exemptions().size());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    MeetingYearLoader.Options options() {
        return MeetingYearLoader.Options.defaults(stub.base()).withRetries(3, Duration.ofMillis(5))
                .withProgressEvery(Duration.ofMillis(20));
    }

    YearLoadReport load(MeetingYearLoader.Options options) throws Exception {
        return new MeetingYearLoader(options, out).load(generator, null);
    }

    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    List<GeneratedMeeting> meetings() {
        List<GeneratedMeeting> all = new ArrayList<>();
        Iterator<BranchYear> years = generator.branchYears();
        years.forEachRemaining(y -> all.addAll(y.meetings()));
        return all;
    }

    @Test
    void theListenerHearsOnceEveryExemptionIsInAndAfterEachMeeting() throws Exception {
        List<Integer> exemptionsBeforeMeetings = new ArrayList<>();
        List<Integer> meetingsBefore = new ArrayList<>();
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        Set<Integer> totals = ConcurrentHashMap.newKeySet();
        YearLoadReport report = load(options().withListener(new MeetingYearLoader.Listener() {
            @Override
            public void beforeMeetings() {
                exemptionsBeforeMeetings.add(stub.exemptions().size());
                meetingsBefore.add(stub.meetingBodies().size());
            }

            @Override
            public void meetingsDone(int answered, int total) {
                totals.add(total);
                done.add(answered);
            }
        }));

        assertThat(report.ok()).as(printed()).isTrue();
        assertThat(exemptionsBeforeMeetings).containsExactly(generator.exemptions().size());
        assertThat(meetingsBefore).containsExactly(0);
        assertThat(totals).containsExactly(report.meetings());
        assertThat(done).hasSize(report.meetings()).allMatch(n -> n >= 1 && n <= report.meetings());
    }

    @Test
    void recordsEveryMeetingWithExactlyTheRequestTheMeetingServiceTakes() throws Exception {
        YearLoadReport report = load(options());

        List<GeneratedMeeting> meetings = meetings();
        assertThat(report.ok()).as(printed()).isTrue();
        assertThat(report.meetings()).isEqualTo(meetings.size()).isEqualTo(generator.plannedMeetings());
        assertThat(report.recorded()).isEqualTo(meetings.size());
        assertThat(stub.recorded()).isEqualTo(meetings.size());
        assertThat(generator.exemptions()).isNotEmpty();
        assertThat(report.exemptionsRegistered()).isEqualTo(generator.exemptions().size());
        assertThat(stub.exemptions()).hasSize(generator.exemptions().size());
        assertThat(stub.meetingsBeforeAllExemptions.get()).as("meetings sent before every exemption was").isZero();
        assertThat(report.lookups()).as("one code look-up and one page of members per branch").isEqualTo(2L * BRANCHES);
        assertThat(stub.maxInFlight.get()).isLessThanOrEqualTo(MeetingYearLoader.DEFAULT_CONCURRENCY).isGreaterThan(1);

        List<JsonNode> bodies = stub.meetingBodies();
        Set<String> references = new HashSet<>();
        int online = 0, restricted = 0;
        for (JsonNode body : bodies) {
            references.add(body.path("reference").asString());
            boolean thematic = body.path("type").asString().equals("THEMATIC");
            List<String> expected = new ArrayList<>(List.of("branchId", "type", "mode", "scope", "heldOn", "startedAt",
                    "endedAt", "place", "closedOn", "attendance", "vote", "minutes", "reference"));
            if (thematic) {
                expected.add(8, "topic");
            }
            if (body.has("restrictedMatters")) {
                expected.add(expected.size() - 1, "restrictedMatters");
                restricted++;
            }
            assertThat(names(body)).isEqualTo(expected);
            assertThat(body.path("branchId").asString()).startsWith("unit-HP.");
            if (!body.path("mode").asString().equals("IN_PERSON")) {
                online++;
                assertThat(body.path("mode").asString()).isIn("ONLINE", "HYBRID");
                assertThat(stub.onlineApprovals).as("approved before its online meetings").containsKey(body.path("branchId").asString());
            }
            assertThat(body.path("scope").asString()).isEqualTo("BRANCH");
            assertThat(body.path("startedAt").asString()).matches("2025-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z");
            for (JsonNode a : body.path("attendance")) {
                assertThat(names(a)).containsExactly("memberId", "status", "reason", "arrivedAt", "leftAt");
                assertThat(a.path("memberId").asString()).startsWith("member-HP");
            }
            assertThat(names(body.path("vote"))).containsExactly("inFavour", "against", "abstained");
            JsonNode minutes = body.path("minutes");
            assertThat(names(minutes)).containsExactly("chairId", "minuteTakerId", "contentItems", "conclusion", "resolution",
                    "signedByChair", "signedByMinuteTaker");
            assertThat(names(minutes.path("resolution"))).containsExactly("text", "adopted", "tasks");
            for (JsonNode t : minutes.path("resolution").path("tasks")) {
                assertThat(names(t)).containsExactly("memberId", "description", "dueOn");
            }
        }
        assertThat(references).containsExactlyInAnyOrderElementsOf(meetings.stream().map(GeneratedMeeting::reference).toList());
        assertThat(online).as("meetings held online").isEqualTo(meetings.stream().filter(GeneratedMeeting::online).count()).isPositive();
        assertThat(restricted).as("meetings with restricted matters").isPositive();
        assertThat(stub.onlineApprovals.values()).allMatch(a -> names(a).equals(List.of("eligible", "from", "reason"))
                && a.path("from").asString().equals("2025-01-01"));
        assertThat(stub.exemptions().values()).allMatch(e -> names(e).equals(List.of("reason", "from", "until")));

        assertThat(printed()).contains("ids: 30 of 30 branches and ").contains(" members found in 60 requests")
                .contains("exemptions: " + generator.exemptions().size() + " registered, 0 refused")
                .contains("meetings/s").contains(meetings.size() + " recorded, 0 already there, 0 conflicts, 0 refused, 0 failed")
                .contains("every meeting of the year is recorded");
    }

    @Test
    void theRequestIsTheYearFilesMeetingWithIdsForCodesAndCardNumbers() throws Exception {
        load(options());
        GeneratedMeeting first = meetings().getFirst();
        JsonNode sent = stub.meetingBodies().stream().filter(b -> b.path("reference").asString().equals(first.reference()))
                .findFirst().orElseThrow();
        JsonNode line = PlatformStub.JSON.readTree(MeetingJson.fileLine(first));
        assertThat(sent.path("heldOn")).isEqualTo(line.path("heldOn"));
        assertThat(sent.path("place")).isEqualTo(line.path("place"));
        assertThat(sent.path("vote")).isEqualTo(line.path("vote"));
        assertThat(sent.path("minutes").path("chairId").asString())
                .isEqualTo("member-" + line.path("minutes").path("chairCardNumber").asString());
        assertThat(sent.path("attendance")).hasSize(line.path("attendance").size());
        for (int i = 0; i < sent.path("attendance").size(); i++) {
            JsonNode a = sent.path("attendance").get(i);
            JsonNode b = line.path("attendance").get(i);
            assertThat(a.path("memberId").asString()).isEqualTo("member-" + b.path("cardNumber").asString());
            assertThat(a.path("status")).isEqualTo(b.path("status"));
            assertThat(a.path("reason").asString(null)).isEqualTo(b.path("reason").asString(null));
        }
    }

    @Test
    void aSecondRunRecordsNothingTwice() throws Exception {
        YearLoadReport first = load(options());
        YearLoadReport second = load(options());

        assertThat(first.recorded()).isEqualTo(first.meetings());
        assertThat(second.recorded()).isZero();
        assertThat(second.alreadyRecorded()).isEqualTo(first.meetings());
        assertThat(second.ok()).isTrue();
        assertThat(stub.recorded()).isEqualTo(first.meetings());
    }

    @Test
    void everyPaymentOfTheYearsSheetsIsRecordedOnceAndASheetChangedMeanwhileIsSentAgain() throws Exception {
        long paidRows = 0;
        for (Iterator<BranchYear> it = generator.branchYears(); it.hasNext(); ) {
            for (DuesSheet sheet : it.next().dues()) {
                paidRows += sheet.rows().stream().filter(DuesSheet.Row::paid).count();
            }
        }
        stub.answerNextSheets(PlatformStub.problem(409, "concurrent-change", null, "changed meanwhile"));

        YearLoadReport first = load(options());
        YearLoadReport second = load(options());

        assertThat(first.ok()).as(printed()).isTrue();
        assertThat(first.duesSheets()).isEqualTo(12 * BRANCHES);
        assertThat(first.duesRecorded()).isEqualTo(paidRows);
        assertThat(stub.payments()).hasSize((int) paidRows);
        assertThat(second.duesRecorded()).isZero();
        assertThat(second.duesUnchanged()).isEqualTo(paidRows);
        assertThat(printed()).contains("dues: 360 sheets");
    }

    @Test
    void refusalsAreCountedAndOnlyTheFirstFewPrintedInFull() throws Exception {
        PlatformStub.Answer refused = PlatformStub.problem(422, "invalid-field", "attendance", "every member must be listed");
        stub.answerNextMeetings(refused, refused, refused, refused, refused, refused, refused);

        YearLoadReport report = load(options());

        assertThat(report.rejected()).isEqualTo(7);
        assertThat(report.recorded()).isEqualTo(report.meetings() - 7);
        assertThat(report.ok()).isFalse();
        assertThat(printed().split("every member must be listed\",\"errors\"", -1)).hasSize(1 + MeetingYearLoader.PRINTED_PROBLEMS);
        assertThat(printed()).contains("HTTP 422").contains("further problems are only counted")
                .contains("the year is NOT completely recorded");
    }

    @Test
    void aConflictOtherThanTheReferenceIsAFailure() throws Exception {
        GeneratedMeeting one = meetings().get(3);
        stub.answer(one.reference(), PlatformStub.problem(409, "conflict", "heldOn", "already a regular meeting this month"));

        YearLoadReport report = load(options());

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(report.alreadyRecorded()).isZero();
        assertThat(report.ok()).isFalse();
        assertThat(printed()).contains("meeting " + one.reference() + ": HTTP 409");
    }

    @Test
    void aServerErrorOrADroppedAnswerIsRetried() throws Exception {
        stub.answerNextMeetings(new PlatformStub.Answer(503, ""), new PlatformStub.Answer(500, "{}"));

        YearLoadReport report = load(options());

        assertThat(report.ok()).as(printed()).isTrue();
        assertThat(report.recorded()).isEqualTo(report.meetings());
        assertThat(stub.meetingBodies()).hasSize(report.meetings() + 2);
    }

    @Test
    void aRateLimitedRequestWaitsAndIsSentAgainWithoutCountingAsAFailure() throws Exception {
        PlatformStub.Answer slowDown = new PlatformStub.Answer(429, "{\"title\":\"Too many requests\",\"status\":429}");
        stub.answerNextMeetings(slowDown, slowDown);

        YearLoadReport report = load(options());

        assertThat(report.ok()).as(printed()).isTrue();
        assertThat(report.recorded()).isEqualTo(report.meetings());
        assertThat(report.rejected()).isZero();
        assertThat(stub.meetingBodies()).hasSize(report.meetings() + 2);
    }

    @Test
    void aRequestThatKeepsFailingIsCountedAndTheRestGoOn() throws Exception {
        PlatformStub.Answer down = new PlatformStub.Answer(503, "");
        stub.answerNextMeetings(down, down, down, down);   // the first try and three retries of one meeting

        YearLoadReport report = load(options().withConcurrency(1));

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.recorded()).isEqualTo(report.meetings() - 1);
        assertThat(report.ok()).isFalse();
        assertThat(printed()).contains("POST /api/v1/meetings failed after 4 attempts; last: HTTP 503");
    }

    @Test
    void anUnreachablePlatformIsGivenUpOnQuickly() throws Exception {
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        long started = System.nanoTime();
        YearLoadReport report = new MeetingYearLoader(MeetingYearLoader.Options.defaults(nowhere)
                .withRetries(1, Duration.ofMillis(1)).withProgressEvery(Duration.ofMillis(50)), out).load(generator, null);

        assertThat(report.abandoned()).isTrue();
        assertThat(report.ok()).isFalse();
        assertThat(report.recorded()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(printed()).contains("giving up: ").contains("is the platform at " + nowhere + " up?")
                .contains("ConnectException");
    }

    @Test
    void theMeetingsOfABranchThePlatformDoesNotKnowAreNotSent() throws Exception {
        CityRolls.BranchRolls missing = city.branches().get(4);
        stub.forgetBranch(missing.code());

        YearLoadReport report = load(options());

        int ofThatBranch = (int) meetings().stream().filter(m -> m.branchCode().equals(missing.code())).count();
        assertThat(report.unknownBranches()).isEqualTo(1);
        assertThat(report.unknownMembers()).isEqualTo(missing.members().size());
        assertThat(report.notSent()).isEqualTo(ofThatBranch);
        assertThat(report.recorded()).isEqualTo(report.meetings() - ofThatBranch);
        assertThat(report.ok()).isFalse();
        assertThat(printed()).contains("the platform has no unit with code " + missing.code());
    }

    @Test
    void membersArePagedThroughWhenABranchHasMoreThanAPage() throws Exception {
        YearLoadReport report = load(options().withMemberPageSize(5));

        int pages = city.branches().stream().mapToInt(b -> (b.members().size() + 4) / 5).sum();
        assertThat(report.ok()).as(printed()).isTrue();
        assertThat(report.lookups()).isEqualTo(BRANCHES + pages);
    }

    @Test
    void theFilesWrittenWhileLoadingAreTheGeneratedOnes() throws Exception {
        ByteArrayOutputStream year = new ByteArrayOutputStream();
        ByteArrayOutputStream truth = new ByteArrayOutputStream();
        try (MeetingYearGenerator.YearFiles files = generator.files(year, truth)) {
            new MeetingYearLoader(options().withConcurrency(3), out).load(generator, files);
        }
        FullYear.Small generated = FullYear.small(generator, 42);
        assertThat(year.toString(StandardCharsets.UTF_8)).isEqualTo(generated.year());
        assertThat(truth.toString(StandardCharsets.UTF_8)).isEqualTo(generated.truth());
        assertThat(stub.maxInFlight.get()).isLessThanOrEqualTo(3);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
