package org.chibo.evaluation.scorecard;

import java.time.LocalDate;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.CloudEventHeaders;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.contracts.inspection.FindingStatusChanged;
import org.chibo.contracts.meeting.MeetingAmended;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.evaluation.record.FindingEntry;
import org.chibo.evaluation.record.MeetingEntry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes meeting records (and their amendments) and findings (and their status changes) into the year of the branch
 * they are about. Other meeting events (scheduled, opened, proposals, …) are skipped unread.
 */
@Component
class RecordsListener {

    private static final Set<String> MEETINGS = Set.of(EventCatalogue.MEETING_RECORDED.type(), EventCatalogue.MEETING_AMENDED.type());

    private final IdempotentConsumer consumer;
    private final Scorecards scorecards;

    RecordsListener(IdempotentConsumer consumer, Scorecards scorecards) {
        this.consumer = consumer;
        this.scorecards = scorecards;
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEETING_EVENTS.name()}", groupId = "${spring.application.name}")
    void onMeeting(ConsumerRecord<String, byte[]> record) {
        String type = CloudEvents.get(record.headers(), CloudEventHeaders.TYPE);
        // no type at all: handled, so the consumer refuses it as poison
        if (type == null || MEETINGS.contains(type)) {
            consumer.handle(record, this::apply);
        }
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).INSPECTION_FINDINGS.name()}", groupId = "${spring.application.name}")
    void onFinding(ConsumerRecord<String, byte[]> record) {
        consumer.handle(record, this::apply);
    }

    void apply(IncomingEvent event) {
        if (event.is(EventCatalogue.MEETING_RECORDED)) {
            meeting(event.dataAs(EventCatalogue.MEETING_RECORDED), 0);
        } else if (event.is(EventCatalogue.MEETING_AMENDED)) {
            MeetingAmended amended = event.dataAs(EventCatalogue.MEETING_AMENDED);
            meeting(amended.record(), amended.revision());
        } else if (event.is(EventCatalogue.FINDING_RAISED)) {
            FindingRaised f = event.dataAs(EventCatalogue.FINDING_RAISED);
            scorecards.apply(f.branchId(), f.occurredOn().getYear(), f.organisationPath(), record -> record.follow(f.findingId(),
                    new FindingEntry(f.ruleId(), f.severity(), f.memberIds(), "OPEN", f.raisedAt())));
        } else if (event.is(EventCatalogue.FINDING_STATUS_CHANGED)) {
            FindingStatusChanged c = event.dataAs(EventCatalogue.FINDING_STATUS_CHANGED);
            scorecards.apply(c.branchId(), c.occurredOn().getYear(), c.organisationPath(), record -> record.follow(c.findingId(),
                    new FindingEntry(c.ruleId(), c.severity(), c.memberIds(), c.status(), c.at())));
        }
    }

    private void meeting(MeetingRecorded m, int revision) {
        LocalDate recordedOn = m.recordedAt() == null ? m.heldOn() : m.recordedAt().atZone(BusinessDates.ZONE).toLocalDate();
        MeetingEntry entry = MeetingEntry.of(m, revision, recordedOn);
        scorecards.apply(m.branchId(), MeetingEntry.yearOf(m), m.organisationPath(), record -> record.record(m.meetingId(), entry));
    }
}
