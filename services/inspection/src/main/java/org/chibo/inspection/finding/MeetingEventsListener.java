package org.chibo.inspection.finding;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.inspection.rules.MeetingRule;
import org.chibo.inspection.rules.RuleSettings;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Runs every per-meeting rule on every meeting record as it arrives. */
@Component
class MeetingEventsListener {

    private final IdempotentConsumer consumer;
    private final Findings findings;
    private final List<MeetingRule> rules;

    MeetingEventsListener(IdempotentConsumer consumer, Findings findings, RuleSettings settings) {
        this.consumer = consumer;
        this.findings = findings;
        this.rules = settings.meetingRules();
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEETING_EVENTS.name()}", groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.handle(record, this::apply);
    }

    void apply(IncomingEvent event) {
        if (!event.is(EventCatalogue.MEETING_RECORDED)) {
            return;
        }
        MeetingRecorded meeting = event.dataAs(EventCatalogue.MEETING_RECORDED);
        for (MeetingRule rule : rules) {
            rule.check(meeting).ifPresent(breach -> findings.raise(rule, breach, meeting));
        }
    }
}
