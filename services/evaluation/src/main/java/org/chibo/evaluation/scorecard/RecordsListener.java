package org.chibo.evaluation.scorecard;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
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
 * they are about, a poll at a time. Other meeting events (scheduled, opened, proposals, …) are skipped unread.
 */
@Component
class RecordsListener {

    private static final Set<EventType<?>> MEETINGS = Set.of(EventCatalogue.MEETING_RECORDED, EventCatalogue.MEETING_AMENDED);
    private static final Set<EventType<?>> FINDINGS = Set.of(EventCatalogue.FINDING_RAISED, EventCatalogue.FINDING_STATUS_CHANGED);

    private final IdempotentConsumer consumer;
    private final Scorecards scorecards;

    RecordsListener(IdempotentConsumer consumer, Scorecards scorecards) {
        this.consumer = consumer;
        this.scorecards = scorecards;
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEETING_EVENTS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void onMeetings(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, MEETINGS, this::applyAll, event -> applyAll(List.of(event)));
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).INSPECTION_FINDINGS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void onFindings(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, FINDINGS, this::applyAll, event -> applyAll(List.of(event)));
    }

    void applyAll(List<IncomingEvent> events) {
        scorecards.applyAll(events.stream().map(RecordsListener::change).toList());
    }

    private static Scorecards.Change change(IncomingEvent event) {
        if (event.is(EventCatalogue.MEETING_AMENDED)) {
            MeetingAmended amended = event.dataAs(EventCatalogue.MEETING_AMENDED);
            return meeting(amended.record(), amended.revision());
        }
        if (event.is(EventCatalogue.FINDING_RAISED)) {
            FindingRaised f = event.dataAs(EventCatalogue.FINDING_RAISED);
            FindingEntry entry = new FindingEntry(f.ruleId(), f.severity(), f.memberIds(), "OPEN", f.raisedAt());
            return new Scorecards.Change(f.branchId(), f.occurredOn().getYear(), f.organisationPath(), r -> r.follow(f.findingId(), entry));
        }
        if (event.is(EventCatalogue.FINDING_STATUS_CHANGED)) {
            FindingStatusChanged c = event.dataAs(EventCatalogue.FINDING_STATUS_CHANGED);
            FindingEntry entry = new FindingEntry(c.ruleId(), c.severity(), c.memberIds(), c.status(), c.at());
            return new Scorecards.Change(c.branchId(), c.occurredOn().getYear(), c.organisationPath(), r -> r.follow(c.findingId(), entry));
        }
        return meeting(event.dataAs(EventCatalogue.MEETING_RECORDED), 0);
    }

    private static Scorecards.Change meeting(MeetingRecorded m, int revision) {
        LocalDate recordedOn = m.recordedAt() == null ? m.heldOn() : m.recordedAt().atZone(BusinessDates.ZONE).toLocalDate();
        MeetingEntry entry = MeetingEntry.of(m, revision, recordedOn);
        return new Scorecards.Change(m.branchId(), MeetingEntry.yearOf(m), m.organisationPath(), r -> r.record(m.meetingId(), entry));
    }
}
