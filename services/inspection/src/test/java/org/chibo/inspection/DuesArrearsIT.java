package org.chibo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chibo.inspection.Feed.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.DuesPaid;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberExempted;
import org.chibo.contracts.membership.MemberLeft;
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
 * R-M2 against the real broker and store: a branch's 2023 of admissions, an exemption, dues payments and meetings, each
 * event delivered twice; the months closed by the admin call; one R-M2 per member in arrears (and one R-M3, with R-M1
 * where both reach it), none for two months unpaid or for months excused by an exemption; a late payment resolving one;
 * then the whole history again under new event ids: nothing changes, every finding raised once.
 * <p>
 * 2023 and a departure at the end keep this class's members out of the periods other classes close: they read the
 * same topics from the start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chibo.inspection.calendar.close-cron=-")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DuesArrearsIT {

    private static final String GROUP = "inspection-dues-it";
    private static final long DUE = 50_000;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, GROUP);
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String c = "C-" + run, b = "B-" + run;
    final String pathC = "/" + c + "/", pathB = pathC + b + "/";
    /** a: three months unpaid and three months absent; two: two months unpaid; c: a partial month; d: exempt; e: admitted late. */
    final String a = "a-" + run, two = "two-" + run, cc = "c-" + run, d = "d-" + run, e = "e-" + run;

    @Test
    void aMemberInArrearsThreeMonthsOfAYearGetsOneFindingAtTheCloseWhateverIsDeliveredTwiceOrReplayed() {
        Feed feed = new Feed(kafka, GROUP);
        Http http = new Http("http://localhost:" + env.getProperty("local.server.port"), TestTokens.issue("admin", c, Role.CITY_ADMIN));
        feed.organisation(c, null, "CITY_COMMITTEE", pathC);
        feed.organisation(b, c, "BRANCH", pathB);
        for (String m : List.of(a, two, cc, d)) {
            admit(feed, m, LocalDate.of(2015, 3, 2));
        }
        admit(feed, e, LocalDate.of(2023, 4, 20));
        feed.send(EventCatalogue.MEMBER_EXEMPTED, d, d, new MemberExempted(d, b, "ốm đau", LocalDate.of(2023, 3, 15), LocalDate.of(2023, 4, 10)));
        payAllBut(feed, a, 1, 2, 3, 5);
        payAllBut(feed, two, 1, 2, 3);
        payAllBut(feed, cc, 1, 2, 3, 4);
        pay(feed, cc, 4, 20_000, LocalDate.of(2023, 4, 28), "partial");
        payAllBut(feed, d, 1, 2, 3, 4, 5);
        payAllBut(feed, e, 4, 4, 5, 6);
        // a absent without reason in February, March and April: R-M1 (and R-M3) as the April record arrives
        for (int month = 2; month <= 4; month++) {
            Feed.Record m = meeting("m" + month + "-" + run, b, pathB, LocalDate.of(2023, month, 10)).member(a, "OFFICIAL", "ABSENT_UNEXCUSED");
            for (int i = 0; i < 9; i++) {
                m.member("o" + i + "-" + run, "OFFICIAL", "PRESENT");
            }
            feed.recorded(m.build());
        }
        feed.awaitConsumed(Duration.ofSeconds(60));
        assertThat(memberFindings(http)).as("nothing about dues before a month closes")
                .isEqualTo(Map.of("R-M1:" + a + ":2023", "OPEN", "R-M3:" + a + ":2023", "OPEN"));

        for (int month = 1; month <= 6; month++) {
            Http.Response closed = http.post("/api/v1/inspection/periods/2023-0" + month + "/close", "{}");
            assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        }
        assertThat(http.post("/api/v1/inspection/periods/2023-06/close", "{}").body().path("alreadyClosed").asBoolean()).isTrue();

        Map<String, String> raised = new TreeMap<>(Map.of("R-M1:" + a + ":2023", "OPEN", "R-M3:" + a + ":2023", "OPEN",
                "R-M2:" + a + ":2023", "OPEN", "R-M2:" + cc + ":2023", "OPEN", "R-M3:" + cc + ":2023", "OPEN",
                "R-M2:" + e + ":2023", "OPEN", "R-M3:" + e + ":2023", "OPEN"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(memberFindings(http)).isEqualTo(raised));
        assertFinding(http, "R-M2:" + a + ":2023", "2023-05-31", List.of("2023-02", "2023-03", "2023-05"));
        assertFinding(http, "R-M2:" + cc + ":2023", "2023-04-30", List.of("2023-02", "2023-03", "2023-04"));
        assertFinding(http, "R-M2:" + e + ":2023", "2023-06-30", List.of("2023-04", "2023-05", "2023-06"));
        JsonNode removal = http.get("/api/v1/findings/R-M3:" + a + ":2023").body();
        assertThat(removal.path("evidence").path("because").toString()).as("R-M1 reached it first").isEqualTo("[\"R-M1\",\"R-M2\"]");
        assertThat(removal.path("occurredOn").asString()).isEqualTo("2023-04-10");
        assertThat(http.get("/api/v1/findings/R-M3:" + cc + ":2023").body().path("evidence").path("because").toString())
                .isEqualTo("[\"R-M2\"]");
        assertThat(http.get("/api/v1/findings/R-M2:" + a + ":2023").body().path("branchId").asString()).isEqualTo(b);

        // c pays the rest of April in September: two months left, both findings resolved by the service
        pay(feed, cc, 4, 30_000, LocalDate.of(2023, 9, 1), "rest");
        feed.awaitConsumed(Duration.ofSeconds(60));
        Map<String, String> afterwards = new TreeMap<>(raised);
        afterwards.put("R-M2:" + cc + ":2023", "RESOLVED");
        afterwards.put("R-M3:" + cc + ":2023", "RESOLVED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(memberFindings(http)).isEqualTo(afterwards));
        JsonNode resolved = http.get("/api/v1/findings/R-M2:" + cc + ":2023").body();
        assertThat(resolved.path("history").get(0).path("reason").asString()).startsWith("dues for 2023-04 paid on 2023-09-01");
        assertThat(resolved.path("history").get(0).path("by").asString()).isEqualTo("inspection");

        // everything again under new event ids: nothing changes, nothing is raised twice
        feed.replayUnderNewIds();
        feed.awaitConsumed(Duration.ofSeconds(60));
        assertThat(memberFindings(http)).isEqualTo(afterwards);
        Map<String, Long> raisedEvents = Feed.published(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "inspection.findings",
                r -> b.equals(r.key()), Duration.ofSeconds(2))).stream().filter(ev -> ev.is(EventCatalogue.FINDING_RAISED))
                .map(IncomingEvent::subject).filter(id -> id.startsWith("R-M")).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(raisedEvents).as("one finding-raised per finding").containsOnlyKeys(raised.keySet()).allSatisfy((id, n) -> assertThat(n).isOne());

        // the members leave, so the classes after this one (same topics, read from the start) never see them owe a month
        for (String m : List.of(a, two, cc, d, e)) {
            feed.send(EventCatalogue.MEMBER_LEFT, m, m, new MemberLeft(m, b, "LEFT", LocalDate.of(2024, 1, 10), null));
        }
    }

    private void admit(Feed feed, String member, LocalDate on) {
        feed.send(EventCatalogue.MEMBER_ADMITTED, member, member,
                new MemberAdmitted(member, b, pathB, "Đảng viên " + member, "HP-" + member, "OFFICIAL", on));
    }

    /** Pays in full every month of 2023 from {@code from}, except the others given. */
    private void payAllBut(Feed feed, String member, int from, int... skipped) {
        for (int month = from; month <= 12; month++) {
            int m = month;
            if (Arrays.stream(skipped).noneMatch(s -> s == m)) {
                pay(feed, member, month, DUE, LocalDate.of(2023, month, 5), "full");
            }
        }
    }

    private void pay(Feed feed, String member, int month, long amount, LocalDate paidOn, String what) {
        String id = member + "-" + month + "-" + what;
        feed.send(EventCatalogue.DUES_PAID, member, id, new DuesPaid(id, member, b, "2023-%02d".formatted(month), amount, DUE, paidOn));
    }

    /** The member rules' findings of this run's branch, by id. */
    private Map<String, String> memberFindings(Http http) {
        Http.Response r = http.get("/api/v1/findings?organisationId=" + c + "&size=200");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        Map<String, String> statuses = new TreeMap<>();
        r.body().path("items").forEach(f -> {
            if (f.path("ruleId").asString().startsWith("R-M")) {
                statuses.put(f.path("id").asString(), f.path("status").asString());
            }
        });
        return statuses;
    }

    private static void assertFinding(Http http, String id, String occurredOn, List<String> months) {
        JsonNode f = http.get("/api/v1/findings/" + id).body();
        assertThat(f.path("occurredOn").asString()).as(id).isEqualTo(occurredOn);
        assertThat(f.path("evidence").path("months").valueStream().map(JsonNode::asString).toList()).as(id).isEqualTo(months);
        assertThat(f.path("evidence").path("threshold").asInt()).isEqualTo(3);
        assertThat(f.path("ruleVersion").asInt()).isEqualTo(1);
        assertThat(f.path("severity").asString()).isEqualTo("HIGH");
    }
}
