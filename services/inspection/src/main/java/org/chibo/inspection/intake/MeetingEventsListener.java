package org.chibo.inspection.intake;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.chibo.contracts.meeting.MeetingAmended;
import org.chibo.inspection.meeting.MeetingJudge;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Judges every meeting record as it arrives on {@code meeting.events}, and every amendment, whose record replaces the
 * earlier one. The other types on the topic (scheduled, opened, proposals, …) are skipped unread.
 */
@Component
class MeetingEventsListener {

    private static final Set<EventType<?>> JUDGED = Set.of(EventCatalogue.MEETING_RECORDED, EventCatalogue.MEETING_AMENDED);

    private final IdempotentConsumer consumer;
    private final MeetingJudge judge;

    MeetingEventsListener(IdempotentConsumer consumer, MeetingJudge judge) {
        this.consumer = consumer;
        this.judge = judge;
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEETING_EVENTS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, JUDGED, events -> judge.judgeAll(events.stream().map(MeetingEventsListener::revision).toList()),
                event -> judge.judgeAll(List.of(revision(event))));
    }

    private static MeetingJudge.Revision revision(IncomingEvent event) {
        if (event.is(EventCatalogue.MEETING_AMENDED)) {
            MeetingAmended amended = event.dataAs(EventCatalogue.MEETING_AMENDED);
            return new MeetingJudge.Revision(amended.record(), amended.revision());
        }
        return new MeetingJudge.Revision(event.dataAs(EventCatalogue.MEETING_RECORDED), 0);
    }
}
