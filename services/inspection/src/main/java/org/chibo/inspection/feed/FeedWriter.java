package org.chibo.inspection.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.events.PoisonEventException;
import org.chibo.contracts.CloudEventHeaders;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.chibo.contracts.meeting.MeetingAmended;
import org.chibo.contracts.meeting.MeetingCancelled;
import org.chibo.contracts.meeting.MeetingOpened;
import org.chibo.contracts.meeting.MeetingPostponed;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingScheduled;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.contracts.inspection.FindingStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Appends the events inspectors may watch to the feed, a poll at a time, in a consumer group of its own
 * ({@code <spring.application.name>-feed}), so the feed neither waits for the rule engine nor shares its processed
 * marks. Other types on the topics are skipped on their {@code ce_type} header, unparsed.
 */
@Component
class FeedWriter {

    private static final Logger log = LoggerFactory.getLogger(FeedWriter.class);

    /** The findings' events: always in the feed. */
    static final Map<EventType<?>, Function<Object, String>> FINDINGS = Map.of(
            EventCatalogue.FINDING_RAISED, data -> ((FindingRaised) data).organisationPath(),
            EventCatalogue.FINDING_STATUS_CHANGED, data -> ((FindingStatusChanged) data).organisationPath());
    /** A meeting's life, from its schedule to its record: sent to those who ask for meetings. */
    static final Map<EventType<?>, Function<Object, String>> MEETINGS = Map.of(
            EventCatalogue.MEETING_SCHEDULED, data -> ((MeetingScheduled) data).organisationPath(),
            EventCatalogue.MEETING_OPENED, data -> ((MeetingOpened) data).organisationPath(),
            EventCatalogue.MEETING_RECORDED, data -> ((MeetingRecorded) data).organisationPath(),
            EventCatalogue.MEETING_AMENDED, data -> ((MeetingAmended) data).record().organisationPath(),
            EventCatalogue.MEETING_CANCELLED, data -> ((MeetingCancelled) data).organisationPath(),
            EventCatalogue.MEETING_POSTPONED, data -> ((MeetingPostponed) data).organisationPath());

    private final FeedEntries entries;
    private final FeedTail tail;

    FeedWriter(FeedEntries entries, FeedTail tail) {
        this.entries = entries;
        this.tail = tail;
    }

    @KafkaListener(topics = {"#{T(org.chibo.contracts.Topics).INSPECTION_FINDINGS.name()}",
            "#{T(org.chibo.contracts.Topics).MEETING_EVENTS.name()}"},
            groupId = "${spring.application.name}-feed", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<FeedEntries.NewEntry> fresh = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Function<Object, String> pathOf = pathOf(CloudEvents.get(record.headers(), CloudEventHeaders.TYPE));
            if (pathOf == null) {
                continue;
            }
            try {
                IncomingEvent event = CloudEvents.fromRecord(record);
                fresh.add(new FeedEntries.NewEntry(event.id(), event.type().type(), pathOf.apply(event.data()),
                        new String(record.value(), StandardCharsets.UTF_8), event.time()));
            } catch (PoisonEventException e) {
                // the topic's own consumers dead-letter it; the feed has nothing to show
                log.warn("not in the feed: {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
        try {
            if (entries.append(fresh) > 0) {
                tail.appended();
            }
        } catch (RuntimeException e) {
            // the whole poll again, after the chassis' back-off for a transient failure; appending is idempotent
            throw new BatchListenerFailedException("the feed could not append a poll of " + fresh.size() + " event(s)", e, 0);
        }
    }

    private static Function<Object, String> pathOf(String type) {
        return EventCatalogue.byType(type == null ? "" : type)
                .map(t -> FINDINGS.containsKey(t) ? FINDINGS.get(t) : MEETINGS.get(t))
                .orElse(null);
    }
}
