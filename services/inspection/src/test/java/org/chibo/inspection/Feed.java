package org.chibo.inspection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.chibo.contracts.Topics;
import org.chibo.contracts.meeting.MeetingAmended;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.contracts.meeting.MeetingRecorded.Minutes;
import org.chibo.contracts.meeting.MeetingRecorded.Resolution;
import org.chibo.contracts.meeting.MeetingRecorded.Vote;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What the inspection tests feed the service: events as membership and meeting publish them, each delivered twice (the
 * same event id), and a barrier that waits until the service's consumer group has read everything sent.
 */
final class Feed {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String group;
    /** Everything sent, in order, so a test can send the whole history again under new event ids. */
    private final List<Sent> history = new ArrayList<>();

    private record Sent(EventType<Object> type, String key, String subject, Object payload) {
    }

    Feed(KafkaTemplate<String, byte[]> kafka, String group) {
        this.kafka = kafka;
        this.group = group;
    }

    /** Sends the event twice under one event id: a redelivery. */
    @SuppressWarnings("unchecked")
    <T> void send(EventType<T> type, String key, String subject, T payload) {
        history.add(new Sent((EventType<Object>) type, key, subject, payload));
        PendingEvent event = PendingEvent.of(type, key, subject, payload, Instant.now());
        publish(event);
        publish(event);
    }

    /** Sends everything sent so far once more, in the same order, under new event ids: a replay from the start. */
    void replayUnderNewIds() {
        for (Sent s : List.copyOf(history)) {
            publish(PendingEvent.of(s.type(), s.key(), s.subject(), s.payload(), Instant.now()));
        }
    }

    void organisation(String id, String parentId, String kind, String path) {
        send(EventCatalogue.ORGANISATION_REGISTERED, id, id,
                new OrganisationRegistered(id, parentId, kind, "Đơn vị " + id, path, Instant.now(), null, null, null));
    }

    void recorded(MeetingRecorded m) {
        send(EventCatalogue.MEETING_RECORDED, m.branchId(), m.meetingId(), m);
    }

    void amended(MeetingRecorded m, int revision) {
        send(EventCatalogue.MEETING_AMENDED, m.branchId(), m.meetingId(),
                new MeetingAmended(m, revision, "sửa biên bản", "secretary", Instant.now()));
    }

    /** Waits until the consumer group has committed every record of the two topics the service reads. */
    void awaitConsumed(Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", EmbeddedInfra.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (String topic : List.of(Topics.MEETING_EVENTS.name(), Topics.MEMBERSHIP_EVENTS.name())) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            while (true) {
                Map<TopicPartition, Long> latest = new HashMap<>();
                admin.listOffsets(ends).all().get().forEach((tp, info) -> latest.put(tp, info.offset()));
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                boolean done = latest.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
                if (done) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("consumer group " + group + " has not caught up: " + committed + " of " + latest);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the event once, as the outbox would. */
    void publish(PendingEvent event) {
        try {
            kafka.send(CloudEvents.toRecord(event)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The events of {@code records}, each once: the outbox may publish an event twice (duplicates are possible, loss is
     * not), under the same event id, which consumers deduplicate on.
     */
    static List<IncomingEvent> published(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> seen = new HashSet<>();
        return records.stream().map(CloudEvents::fromRecord).filter(e -> seen.add(e.id())).toList();
    }

    /** A meeting record: sound by default (everyone present, complete minutes, a vote of all present, two hours). */
    static Record meeting(String id, String branchId, String path, LocalDate heldOn) {
        return new Record(id, branchId, path, heldOn);
    }

    static final class Record {
        final String id;
        final String branchId;
        final String path;
        final LocalDate heldOn;
        String type = "REGULAR";
        String topic;
        String period;
        final List<Attendee> roster = new ArrayList<>();
        Vote vote;
        String conclusion = "Chi bộ thống nhất các nhiệm vụ";
        Duration lasted = Duration.ofHours(2);
        int closedAfterDays;
        String mode = "IN_PERSON";
        List<String> restrictedMatters;

        Record(String id, String branchId, String path, LocalDate heldOn) {
            this.id = id;
            this.branchId = branchId;
            this.path = path;
            this.heldOn = heldOn;
        }

        Record thematic(String topic) { type = "THEMATIC"; this.topic = topic; return this; }
        Record period(String p) { period = p; return this; }
        Record extraordinary() { type = "EXTRAORDINARY"; return this; }
        Record held(String mode, String... restrictedMatters) { this.mode = mode; this.restrictedMatters = List.of(restrictedMatters); return this; }
        Record member(String memberId, String status, String attendance) {
            roster.add(new Attendee(memberId, "Đảng viên " + memberId, status, false, attendance,
                    "ABSENT_EXCUSED".equals(attendance) ? "ốm" : null));
            return this;
        }
        Record exempt(String memberId) {
            roster.add(new Attendee(memberId, "Đảng viên " + memberId, "OFFICIAL", true, "ABSENT_EXCUSED", "miễn sinh hoạt"));
            return this;
        }
        Record vote(int inFavour) { vote = new Vote(inFavour, 0, 0); return this; }
        Record noConclusion() { conclusion = null; return this; }
        Record lasted(Duration d) { lasted = d; return this; }
        Record closedAfter(int days) { closedAfterDays = days; return this; }

        MeetingRecorded build() {
            Instant start = heldOn.atTime(8, 0).toInstant(ZoneOffset.ofHours(7));
            long officialPresent = roster.stream().filter(a -> "OFFICIAL".equals(a.memberStatus()) && "PRESENT".equals(a.attendance())).count();
            Vote v = vote != null ? vote : new Vote((int) officialPresent, 0, 0);
            String chair = roster.isEmpty() ? null : roster.get(0).memberId();
            Minutes minutes = new Minutes(chair, chair, List.of("Thời sự", "Nhiệm vụ tháng tới"), conclusion,
                    new Resolution("Nghị quyết", true, List.of()), true, true);
            return new MeetingRecorded(id, branchId, path, type, mode, heldOn, start, start.plus(lasted),
                    start.plus(Duration.ofHours(3)), topic, List.copyOf(roster), v, "BRANCH", null, period, "Hội trường",
                    heldOn.plusDays(closedAfterDays), minutes, restrictedMatters);
        }
    }
}
