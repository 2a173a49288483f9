package org.chibo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.inspection.FindingRaised;
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
class InspectionIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "inspection-it");
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void aLowAttendanceMeetingDeliveredTwiceRaisesOneFinding() throws Exception {
        String branch = UUID.randomUUID().toString();
        MeetingRecorded low = meeting(branch, 8, 10);
        MeetingRecorded full = meeting(branch, 10, 10);
        PendingEvent lowEvent = PendingEvent.of(EventCatalogue.MEETING_RECORDED, branch, low.meetingId(), low, Instant.now());
        PendingEvent fullEvent = PendingEvent.of(EventCatalogue.MEETING_RECORDED, branch, full.meetingId(), full, Instant.now());

        kafka.send(CloudEvents.toRecord(lowEvent)).get();
        kafka.send(CloudEvents.toRecord(lowEvent)).get();
        // the same record again under a new event id, as a replay from another producer instance would be
        kafka.send(CloudEvents.toRecord(PendingEvent.of(EventCatalogue.MEETING_RECORDED, branch, low.meetingId(), low, Instant.now()))).get();
        kafka.send(CloudEvents.toRecord(fullEvent)).get();

        Http http = new Http("http://localhost:" + env.getProperty("local.server.port"));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/findings?branchId=" + branch).body().path("items").size() >= 1);
        List<FindingRaised> published = await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.read(
                        EmbeddedInfra.kafkaBootstrap(), "inspection.findings", r -> branch.equals(r.key()), Duration.ofSeconds(2))
                .stream().map(r -> CloudEvents.fromRecord(r).dataAs(EventCatalogue.FINDING_RAISED)).toList(), l -> !l.isEmpty());

        Http.Response findings = http.get("/api/v1/findings?branchId=" + branch);
        assertThat(findings.body().path("items").size()).isEqualTo(1);
        assertThat(findings.body().path("items").get(0).path("ruleId").asString()).isEqualTo("R-G2");
        assertThat(published).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("R-G2");
            assertThat(f.meetingId()).isEqualTo(low.meetingId());
            assertThat(f.occurredOn()).isEqualTo(low.heldOn());
            assertThat(f.evidence()).containsEntry("present", 8).containsEntry("expected", 10);
            assertThat(f.memberIds()).hasSize(2);
        });
    }

    private static MeetingRecorded meeting(String branch, int present, int of) {
        List<Attendee> roster = new ArrayList<>();
        for (int i = 0; i < of; i++) {
            roster.add(new Attendee("m-" + i, "Đảng viên " + i, "OFFICIAL", false, i < present ? "PRESENT" : "ABSENT_UNEXCUSED", null));
        }
        return new MeetingRecorded(UUID.randomUUID().toString(), branch, "/" + branch + "/", "REGULAR", "IN_PERSON",
                LocalDate.of(2026, 10, 5), null, null, Instant.now(), null, roster, null);
    }
}
