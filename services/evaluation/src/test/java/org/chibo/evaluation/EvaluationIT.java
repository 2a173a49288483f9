package org.chibo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.evaluation.RatingChanged;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.contracts.inspection.FindingStatusChanged;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "evaluation-it");
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void theProvisionalRatingMovesOncePerChangeWhateverTheRedeliveries() throws Exception {
        String branch = UUID.randomUUID().toString();
        MeetingRecorded meeting = fullMeeting(branch);
        FindingRaised finding = new FindingRaised("R-G5:" + meeting.meetingId(), "R-G5", 1, "MEDIUM", "12-HD", branch,
                "/" + branch + "/", meeting.meetingId(), meeting.heldOn(), List.of(), Map.of("missing", "signatures"),
                "minutes lack signatures", Instant.now());
        PendingEvent meetingEvent = PendingEvent.of(EventCatalogue.MEETING_RECORDED, branch, meeting.meetingId(), meeting, Instant.now());
        PendingEvent findingEvent = PendingEvent.of(EventCatalogue.FINDING_RAISED, branch, finding.findingId(), finding, Instant.now());
        Http http = new Http("http://localhost:" + env.getProperty("local.server.port"));

        kafka.send(CloudEvents.toRecord(meetingEvent)).get();
        kafka.send(CloudEvents.toRecord(meetingEvent)).get();
        // the same record re-published under a new event id
        kafka.send(CloudEvents.toRecord(PendingEvent.of(EventCatalogue.MEETING_RECORDED, branch, meeting.meetingId(), meeting, Instant.now()))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/scorecards/" + branch + "?year=2026").status() == 200);
        kafka.send(CloudEvents.toRecord(findingEvent)).get();
        kafka.send(CloudEvents.toRecord(findingEvent)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/scorecards/" + branch + "?year=2026").body().path("openFindings").asInt() == 1);
        List<RatingChanged> changes = await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.read(
                        EmbeddedInfra.kafkaBootstrap(), "evaluation.ratings", r -> branch.equals(r.key()), Duration.ofSeconds(2))
                .stream().map(r -> CloudEvents.fromRecord(r).dataAs(EventCatalogue.RATING_CHANGED)).toList(), l -> l.size() >= 2);

        Http.Response card = http.get("/api/v1/scorecards/" + branch + "?year=2026");
        assertThat(card.body().path("meetingsRecorded").asInt()).isEqualTo(1);
        assertThat(card.body().path("openFindings").asInt()).isEqualTo(1);
        assertThat(card.body().path("provisionalRating").asString()).isEqualTo("COMPLETED");
        assertThat(changes).extracting(RatingChanged::rating).containsExactly("GOOD", "COMPLETED");
        assertThat(changes.get(1).previousRating()).isEqualTo("GOOD");
        assertThat(changes.get(1).criteria()).extracting(RatingChanged.Criterion::evidence).contains("1 open finding(s)");
        Http.Response badYear = http.get("/api/v1/scorecards/" + branch + "?year=1999");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.body().path("errors").findValuesAsString("field")).containsExactly("year");
        assertThat(http.get("/api/v1/scorecards/" + branch + "?year=2025").status()).isEqualTo(404);

        // resolved (the minutes were amended), the finding no longer counts against the branch; told twice, once
        PendingEvent resolved = PendingEvent.of(EventCatalogue.FINDING_STATUS_CHANGED, branch, finding.findingId(),
                new FindingStatusChanged(finding.findingId(), "R-G5", branch, "/" + branch + "/", meeting.meetingId(), List.of(),
                        "RESOLVED", "OPEN", "minutes amended (revision 1)", "inspection", Instant.now(), "MEDIUM", meeting.heldOn()),
                Instant.now());
        kafka.send(CloudEvents.toRecord(resolved)).get();
        kafka.send(CloudEvents.toRecord(resolved)).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response after = http.get("/api/v1/scorecards/" + branch + "?year=2026");
            assertThat(after.body().path("openFindings").asInt()).isZero();
            assertThat(after.body().path("provisionalRating").asString()).isEqualTo("GOOD");
        });
    }

    private static MeetingRecorded fullMeeting(String branch) {
        List<Attendee> roster = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            roster.add(new Attendee("m-" + i, "Đảng viên " + i, "OFFICIAL", false, "PRESENT", null));
        }
        return new MeetingRecorded(UUID.randomUUID().toString(), branch, "/" + branch + "/", "REGULAR", "IN_PERSON",
                LocalDate.of(2026, 10, 5), null, null, Instant.now(), null, roster, null);
    }
}
