package org.chibo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chibo.inspection.Feed.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.inspection.FindingStatusChanged;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MembersOnboarded;
import org.chibo.contracts.membership.MemberReceived;
import org.chibo.contracts.membership.MemberRecognised;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.chibo.contracts.membership.OrganisationDissolved;
import org.chibo.contracts.membership.OrganisationMoved;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A small city's year judged against the real broker and store: membership and meeting events delivered twice each,
 * periods closed by the admin call, records amended, a meeting recorded late, a transfer received late, a branch moved;
 * then the whole history sent again under new event ids. The exact set of findings, their statuses and their events.
 * <p>
 * The context is closed after the class: its consumers publish findings, and a second context left running would
 * judge the next class's events and publish them again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chibo.inspection.calendar.close-cron=-")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RulesEngineIT {

    private static final String GROUP = "inspection-rules-it";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, GROUP);
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    /** The tree: city C; districts D1 and D2; branches B1, B2 under D1 and B3 (a grassroots branch) under C. */
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String c = "C-" + run, d1 = "D1-" + run, d2 = "D2-" + run, b1 = "B1-" + run, b2 = "B2-" + run, b3 = "B3-" + run;
    final String pathC = "/" + c + "/", pathD1 = pathC + d1 + "/", pathB1 = pathD1 + b1 + "/", pathB2 = pathD1 + b2 + "/";
    /** In B1: x and y (the absentees), eight more official members, e exempt; in B2: four official and p probationary. */
    final String x = "x-" + run, y = "y-" + run, e = "e-" + run, p = "p-" + run, q = "q-" + run, r = "r-" + run,
            t = "t-" + run, u = "u-" + run;

    @Test
    void aYearOfACityIsJudgedOnceWhateverIsDeliveredTwiceOrReplayed() {
        Feed feed = new Feed(kafka, GROUP);
        // the city's admin, bound to its root: closes the periods and reads the findings
        Http http = new Http("http://localhost:" + env.getProperty("local.server.port"), TestTokens.issue("admin", c, Role.CITY_ADMIN));

        // the tree and the members, each event twice
        feed.organisation(c, null, "CITY_COMMITTEE", pathC);
        feed.organisation(d1, c, "DIRECT_COMMITTEE", pathD1);
        feed.organisation(d2, c, "DIRECT_COMMITTEE", pathC + d2 + "/");
        feed.organisation(b1, d1, "BRANCH", pathB1);
        feed.organisation(b2, d1, "BRANCH", pathB2);
        feed.organisation(b3, c, "GRASSROOTS_BRANCH", pathC + b3 + "/");
        feed.organisation("cell-" + run, b1, "CELL", pathB1 + "cell-" + run + "/");
        feed.send(EventCatalogue.ORGANISATION_DISSOLVED, b3, b3, new OrganisationDissolved(b3, LocalDate.of(2025, 1, 31), "QĐ-1"));
        // p: probation from 1 Dec 2023, recognition due by 31 Dec 2024 and never decided: R-M4. p came with a city's
        // onboarding (members-onboarded, beside an official member, who has no recognition to wait for)
        feed.send(EventCatalogue.MEMBERS_ONBOARDED, p, "batch-" + run, new MembersOnboarded("batch-" + run, List.of(
                new MembersOnboarded.Entry(p, b2, pathB2, "Đảng viên " + p, "HP-" + p, "PROBATIONARY", LocalDate.of(2023, 12, 1), null, null),
                new MembersOnboarded.Entry("o-" + run, b2, pathB2, "Đảng viên o", "HP-o-" + run, "OFFICIAL", LocalDate.of(2003, 1, 1), null, null))));
        // q: probation running into the summer of 2025; r: recognised in time
        admit(feed, q, b2, pathB2, "PROBATIONARY", LocalDate.of(2024, 6, 1));
        admit(feed, r, b2, pathB2, "PROBATIONARY", LocalDate.of(2023, 11, 1));
        feed.send(EventCatalogue.MEMBER_RECOGNISED, r, r, new MemberRecognised(r, b2, LocalDate.of(2024, 11, 15), "QĐ-7"));
        // t and u transferred out of B1 with papers due by 20 February; u is received in time, t only in March
        for (String m : List.of(t, u)) {
            feed.send(EventCatalogue.MEMBER_TRANSFERRED_OUT, m, m, new MemberTransferredOut(m, b1, null, "OFFICIAL",
                    LocalDate.of(2025, 1, 5), LocalDate.of(2025, 2, 20)));
        }
        feed.send(EventCatalogue.MEMBER_RECEIVED, u, u, new MemberReceived(u, b1, "other", "/other/", "U", "OFFICIAL", "OFFICIAL",
                LocalDate.of(2025, 2, 1)));

        // B1's meetings: January sound; x absent without reason in February, March and April (R-M1, R-M3 with April);
        // in March y too (8 of 10: R-G2) and no conclusion (R-G5); a thematic meeting with its topic in February
        String m1 = "m1-" + run, m2 = "m2-" + run, m3 = "m3-" + run, m4 = "m4-" + run, m5 = "m5-" + run;
        feed.recorded(b1Meeting(m1, LocalDate.of(2025, 1, 10), false, false).build());
        feed.recorded(b1Meeting(m2, LocalDate.of(2025, 2, 10), true, false).build());
        feed.recorded(b1Meeting(m3, LocalDate.of(2025, 3, 10), true, true).noConclusion().build());
        feed.recorded(b1Meeting(m4, LocalDate.of(2025, 4, 10), true, false).build());
        feed.recorded(b1Meeting(m5, LocalDate.of(2025, 2, 20), false, false).thematic("Học tập tư tưởng Hồ Chí Minh").build());
        // B2's: January sound; nothing in February; in March five votes from four official members (R-G4), an hour long
        // (R-G6), closed ten days later (R-G7); a thematic meeting without its topic (R-G9); p present, not voting
        String n1 = "n1-" + run, n3 = "n3-" + run, n5 = "n5-" + run, nLate = "n-late-" + run;
        feed.recorded(b2Meeting(n1, LocalDate.of(2025, 1, 12)).build());
        feed.recorded(b2Meeting(n3, LocalDate.of(2025, 3, 12)).vote(5).lasted(Duration.ofMinutes(60)).closedAfter(10).build());
        feed.recorded(b2Meeting(n5, LocalDate.of(2025, 2, 14)).thematic(null).build());
        // and an extraordinary meeting online that handled a personnel matter (R-G8; discipline is not excluded)
        String n7 = "n7-" + run;
        feed.recorded(b2Meeting(n7, LocalDate.of(2025, 1, 20)).extraordinary().held("ONLINE", "PERSONNEL", "DISCIPLINE").build());
        // B3 records nothing (dissolved at the end of January)
        feed.awaitConsumed(Duration.ofSeconds(60));

        // PeriodClosed by the admin call, January twice
        assertClosed(http.post("/api/v1/inspection/periods/2025-01/close", "{}"), "2025-01", 3, 2, false);
        assertClosed(http.post("/api/v1/inspection/periods/2025-01/close", "{}"), "2025-01", 3, 2, true);
        assertClosed(http.post("/api/v1/inspection/periods/2025-02/close", "{}"), "2025-02", 2, 2, false);
        assertClosed(http.post("/api/v1/inspection/periods/2025-03/close", "{}"), "2025-03", 2, 0, false);
        assertClosed(http.post("/api/v1/inspection/periods/2025-Q1/close", "{}"), "2025-Q1", 3, 1, false);

        Map<String, String> raised = new TreeMap<>(Map.ofEntries(
                Map.entry("R-G2:" + m3, "OPEN"), Map.entry("R-G5:" + m3, "OPEN"),
                Map.entry("R-M1:" + x + ":2025", "OPEN"), Map.entry("R-M3:" + x + ":2025", "OPEN"),
                Map.entry("R-G4:" + n3, "OPEN"), Map.entry("R-G6:" + n3, "OPEN"), Map.entry("R-G7:" + n3, "OPEN"),
                Map.entry("R-G9:" + n5, "OPEN"), Map.entry("R-G8:" + n7, "OPEN"),
                Map.entry("R-P1:" + b3 + ":2025-01", "OPEN"), Map.entry("R-P1:" + b2 + ":2025-02", "OPEN"),
                Map.entry("R-P2:" + b3 + ":2025-Q1", "OPEN"),
                Map.entry("R-M4:" + p, "OPEN"), Map.entry("R-M5:" + t + ":2025-01-05", "OPEN")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses(http, c)).isEqualTo(raised));
        JsonNode rm1 = http.get("/api/v1/findings/R-M1:" + x + ":2025").body();
        assertThat(rm1.path("occurredOn").asString()).isEqualTo("2025-04-10");
        assertThat(rm1.path("memberIds").get(0).asString()).isEqualTo(x);
        assertThat(rm1.path("evidence").path("months").toString()).isEqualTo("[\"2025-02\",\"2025-03\",\"2025-04\"]");
        assertThat(http.get("/api/v1/findings/R-P2:" + b3 + ":2025-Q1").body().path("occurredOn").asString()).isEqualTo("2025-03-31");
        assertThat(http.get("/api/v1/findings/R-M4:" + p).body().path("branchId").asString()).isEqualTo(b2);
        assertThat(http.get("/api/v1/findings/R-G5:" + m3).body().path("evidence").path("missing").toString()).isEqualTo("[\"conclusion\"]");
        JsonNode rg8 = http.get("/api/v1/findings/R-G8:" + n7).body();
        assertThat(rg8.path("evidence").path("restrictedMatters").toString()).isEqualTo("[\"PERSONNEL\"]");
        assertThat(rg8.path("evidence").path("mode").asString()).isEqualTo("ONLINE");
        assertThat(rg8.path("severity").asString()).isEqualTo("HIGH");

        // February's meeting of B2 recorded late; t received late
        feed.recorded(b2Meeting(nLate, LocalDate.of(2025, 2, 27)).period("2025-02").build());
        feed.send(EventCatalogue.MEMBER_RECEIVED, t, t, new MemberReceived(t, b1, "other", "/other/", "T", "OFFICIAL", "OFFICIAL",
                LocalDate.of(2025, 3, 15)));
        // March amended: y excused, the conclusion written (R-G2 and R-G5 resolved)
        feed.amended(b1Meeting(m3, LocalDate.of(2025, 3, 10), true, false).build(), 1);
        // February amended: x excused after all (R-M1, R-M3 resolved: two months left), then not (re-opened)
        feed.amended(b1Meeting(m2, LocalDate.of(2025, 2, 10), false, false).build(), 1);
        feed.amended(b1Meeting(m2, LocalDate.of(2025, 2, 10), true, false).build(), 2);
        // March amended again: y unexcused after all (R-G2 re-opened; the conclusion stays)
        feed.amended(b1Meeting(m3, LocalDate.of(2025, 3, 10), true, true).build(), 2);
        // revision 1 of March arriving again, late, under a new event id: older than what is held, ignored
        feed.amended(b1Meeting(m3, LocalDate.of(2025, 3, 10), true, false).build(), 1);
        // the online meeting amended: the personnel item was taken in person after all (R-G8 resolved)
        feed.amended(b2Meeting(n7, LocalDate.of(2025, 1, 20)).extraordinary().held("ONLINE", "DISCIPLINE").build(), 1);
        // B2 moves from D1 to D2 with its findings
        feed.send(EventCatalogue.ORGANISATION_MOVED, b2, b2, new OrganisationMoved(b2, d1, d2, pathB2, pathC + d2 + "/" + b2 + "/"));
        feed.awaitConsumed(Duration.ofSeconds(60));

        Map<String, String> afterwards = new TreeMap<>(raised);
        afterwards.put("R-G5:" + m3, "RESOLVED");
        afterwards.put("R-P1:" + b2 + ":2025-02", "RESOLVED");
        afterwards.put("R-M5:" + t + ":2025-01-05", "RESOLVED");
        afterwards.put("R-G8:" + n7, "RESOLVED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses(http, c)).isEqualTo(afterwards));
        assertThat(http.get("/api/v1/findings/R-P1:" + b2 + ":2025-02").body().path("history").get(0).path("reason").asString())
                .startsWith("meeting recorded late");
        JsonNode g2 = http.get("/api/v1/findings/R-G2:" + m3).body();
        assertThat(g2.path("history").findValuesAsString("status")).containsExactly("RESOLVED", "OPEN");
        assertThat(g2.path("history").findValuesAsString("reason"))
                .containsExactly("minutes amended (revision 1)", "minutes amended (revision 2)");
        assertThat(http.get("/api/v1/findings/R-M1:" + x + ":2025").body().path("history").findValuesAsString("status"))
                .containsExactly("RESOLVED", "OPEN");
        // B2's findings are now under D2, none under D1 but B1's
        assertThat(statuses(http, d2).keySet()).containsExactlyInAnyOrder("R-G4:" + n3, "R-G6:" + n3, "R-G7:" + n3, "R-G9:" + n5,
                "R-G8:" + n7,
                "R-P1:" + b2 + ":2025-02", "R-M4:" + p);
        assertThat(statuses(http, d1).keySet()).allMatch(id -> !id.contains(n3) && !id.contains(b2));

        // every finding raised once on inspection.findings, and each change once, in order
        Map<String, List<String>> events = await().atMost(Duration.ofSeconds(30)).until(this::eventsByFinding,
                ev -> ev.values().stream().mapToInt(List::size).sum() == 14 + 10);
        raised.keySet().forEach(id -> assertThat(events.get(id)).as(id).startsWith("raised").containsOnlyOnce("raised"));
        assertThat(events.get("R-G2:" + m3)).containsExactly("raised", "RESOLVED", "OPEN");
        assertThat(events.get("R-G5:" + m3)).containsExactly("raised", "RESOLVED");
        assertThat(events.get("R-G8:" + n7)).containsExactly("raised", "RESOLVED");
        assertThat(events.get("R-M1:" + x + ":2025")).containsExactly("raised", "RESOLVED", "OPEN");
        assertThat(events.get("R-M3:" + x + ":2025")).containsExactly("raised", "RESOLVED", "OPEN");
        assertThat(events.get("R-P1:" + b2 + ":2025-02")).containsExactly("raised", "RESOLVED");
        assertThat(events.get("R-M5:" + t + ":2025-01-05")).containsExactly("raised", "RESOLVED");

        // consumption restarts from the beginning: the whole history again, under new event ids; closing again changes nothing
        feed.replayUnderNewIds();
        feed.awaitConsumed(Duration.ofSeconds(90));
        assertClosed(http.post("/api/v1/inspection/periods/2025-02/close", "{}"), "2025-02", 2, 2, true);
        assertThat(statuses(http, c)).isEqualTo(afterwards);
        assertThat(eventsByFinding()).isEqualTo(events);
    }

    /**
     * R-M1's finding shows the member's whole year as it stands, however the records arrive: a month held earlier that
     * arrives after the threshold moves the day it is about to the meeting that reached it in the order held, and a
     * month after the threshold joins the evidence; neither is a step in its lifecycle.
     */
    @Test
    void anUnexcusedAbsenceFindingFollowsTheYearWhateverOrderTheMeetingsArriveIn() {
        Feed feed = new Feed(kafka, GROUP);
        String city = "Z-" + run, branch = "ZB-" + run, z = "z-" + run;
        Http http = new Http("http://localhost:" + env.getProperty("local.server.port"), TestTokens.issue("inspector", city, Role.INSPECTOR));
        String pathBranch = "/" + city + "/" + branch + "/";
        // the branch is not registered: it would count in the other test's closes (the member rules need no tree)
        // z absent without reason in March, May and June first, April only afterwards, then July
        for (int month : new int[] {3, 5, 6, 4, 7}) {
            Feed.Record m = meeting("z" + month + "-" + run, branch, pathBranch, LocalDate.of(2025, month, 10))
                    .member(z, "OFFICIAL", "ABSENT_UNEXCUSED");
            for (int i = 0; i < 9; i++) {
                m.member("zm" + i + "-" + run, "OFFICIAL", "PRESENT");
            }
            feed.recorded(m.build());
            feed.awaitConsumed(Duration.ofSeconds(60));
            if (month == 6) {
                JsonNode raised = http.get("/api/v1/findings/R-M1:" + z + ":2025").body();
                assertThat(raised.path("occurredOn").asString()).isEqualTo("2025-06-10");
                assertThat(raised.path("evidence").path("months").toString()).isEqualTo("[\"2025-03\",\"2025-05\",\"2025-06\"]");
            }
        }

        JsonNode rm1 = http.get("/api/v1/findings/R-M1:" + z + ":2025").body();
        assertThat(rm1.path("occurredOn").asString()).isEqualTo("2025-05-10");
        assertThat(rm1.path("evidence").path("months").toString())
                .isEqualTo("[\"2025-03\",\"2025-04\",\"2025-05\",\"2025-06\",\"2025-07\"]");
        assertThat(rm1.path("evidence").path("monthCount").asInt()).isEqualTo(5);
        assertThat(rm1.path("evidence").path("meetingIds")).hasSize(5);
        assertThat(rm1.path("status").asString()).isEqualTo("OPEN");
        assertThat(rm1.path("history")).isEmpty();
        assertThat(http.get("/api/v1/findings/R-M3:" + z + ":2025").body().path("occurredOn").asString()).isEqualTo("2025-05-10");
        List<String> events = Feed.published(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "inspection.findings",
                        rec -> rec.key().equals(branch), Duration.ofSeconds(2))).stream().map(RulesEngineIT::label).toList();
        assertThat(events).as("raised once each, and no step since").containsExactly("raised", "raised");
    }

    private Feed.Record b1Meeting(String id, LocalDate heldOn, boolean xAbsent, boolean yAbsent) {
        Feed.Record m = meeting(id, b1, pathB1, heldOn)
                .member(x, "OFFICIAL", xAbsent ? "ABSENT_UNEXCUSED" : "PRESENT")
                .member(y, "OFFICIAL", yAbsent ? "ABSENT_UNEXCUSED" : "PRESENT");
        for (int i = 0; i < 8; i++) {
            m.member("b1m" + i + "-" + run, "OFFICIAL", "PRESENT");
        }
        // the exempt member is out of every denominator: 9 of 10 present is 90%
        return m.exempt(e);
    }

    private Feed.Record b2Meeting(String id, LocalDate heldOn) {
        Feed.Record m = meeting(id, b2, pathB2, heldOn);
        for (int i = 0; i < 4; i++) {
            m.member("b2m" + i + "-" + run, "OFFICIAL", "PRESENT");
        }
        return m.member(p, "PROBATIONARY", "PRESENT");
    }

    private static void admit(Feed feed, String member, String branch, String path, String status, LocalDate on) {
        feed.send(EventCatalogue.MEMBER_ADMITTED, member, member,
                new MemberAdmitted(member, branch, path, "Đảng viên " + member, "HP-" + member, status, on));
    }

    private static void assertClosed(Http.Response r, String period, int branches, int raised, boolean already) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.text("period")).isEqualTo(period);
        assertThat(r.body().path("branchesChecked").asInt()).as(r.body().toString()).isEqualTo(branches);
        assertThat(r.body().path("findingsRaised").asInt()).as(r.body().toString()).isEqualTo(raised);
        assertThat(r.body().path("alreadyClosed").asBoolean()).isEqualTo(already);
    }

    /** Finding id → status, of an organisation's whole subtree. */
    private static Map<String, String> statuses(Http http, String organisationId) {
        Http.Response r = http.get("/api/v1/findings?organisationId=" + organisationId + "&size=200");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        Map<String, String> statuses = new TreeMap<>();
        r.body().path("items").forEach(f -> statuses.put(f.path("id").asString(), f.path("status").asString()));
        return statuses;
    }

    /** For each finding of this run's branches, its events in order: "raised", then each new status. */
    private Map<String, List<String>> eventsByFinding() {
        Predicate<ConsumerRecord<String, byte[]>> ours = rec -> List.of(b1, b2, b3).contains(rec.key());
        // an event the outbox published twice has one event id, which consumers deduplicate on: counted once here too
        return Feed.published(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "inspection.findings", ours, Duration.ofSeconds(2)))
                .stream()
                .collect(Collectors.groupingBy(IncomingEvent::subject, TreeMap::new, Collectors.mapping(RulesEngineIT::label, Collectors.toList())));
    }

    private static String label(IncomingEvent event) {
        if (event.is(EventCatalogue.FINDING_RAISED)) {
            return "raised";
        }
        FindingStatusChanged change = event.dataAs(EventCatalogue.FINDING_STATUS_CHANGED);
        return change.status();
    }
}
