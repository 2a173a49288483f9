package org.chibo.evaluation.scorecard;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.contracts.inspection.FindingStatusChanged;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts meeting records and findings into the branch's scorecard of the year they are about. */
@Component
class RecordsListener {

    private final IdempotentConsumer consumer;
    private final Scorecards scorecards;

    RecordsListener(IdempotentConsumer consumer, Scorecards scorecards) {
        this.consumer = consumer;
        this.scorecards = scorecards;
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEETING_EVENTS.name()}", groupId = "${spring.application.name}")
    void onMeeting(ConsumerRecord<String, byte[]> record) {
        consumer.handle(record, this::apply);
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).INSPECTION_FINDINGS.name()}", groupId = "${spring.application.name}")
    void onFinding(ConsumerRecord<String, byte[]> record) {
        consumer.handle(record, this::apply);
    }

    void apply(IncomingEvent event) {
        if (event.is(EventCatalogue.MEETING_RECORDED)) {
            MeetingRecorded m = event.dataAs(EventCatalogue.MEETING_RECORDED);
            int expected = (int) m.roster().stream().filter(a -> !a.exempt()).count();
            int present = (int) m.roster().stream().filter(a -> !a.exempt() && "PRESENT".equals(a.attendance())).count();
            scorecards.apply(BranchScorecard.meetingKey(m.meetingId()), m.branchId(), m.heldOn().getYear(),
                    m.organisationPath(), card -> card.countMeeting(m.meetingId(), present, expected));
        } else if (event.is(EventCatalogue.FINDING_RAISED)) {
            FindingRaised f = event.dataAs(EventCatalogue.FINDING_RAISED);
            scorecards.apply(BranchScorecard.findingKey(f.findingId()), f.branchId(), f.occurredOn().getYear(),
                    f.organisationPath(), card -> card.countFinding(f.findingId()));
        } else if (event.is(EventCatalogue.FINDING_STATUS_CHANGED)) {
            FindingStatusChanged c = event.dataAs(EventCatalogue.FINDING_STATUS_CHANGED);
            scorecards.apply(BranchScorecard.statusKey(c.findingId(), c.status(), c.at()), c.branchId(), c.occurredOn().getYear(),
                    c.organisationPath(), card -> card.findingStatus(c.findingId(), c.status(), c.at()));
        }
    }
}
