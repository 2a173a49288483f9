package org.chibo.evaluation.membership;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps who is on which branch's rolls, discipline and dues, and the organisation tree, from {@code membership.events}:
 * a whole poll at a time, one read and one bulk write per collection, as a city's onboarding is 130,000 events.
 * The other membership events (committees, cells, recognitions, …) are skipped unread.
 */
@Component
class MembershipListener {

    static final Set<EventType<?>> TAKEN = Set.of(EventCatalogue.ORGANISATION_REGISTERED, EventCatalogue.ORGANISATION_RENAMED,
            EventCatalogue.ORGANISATION_MOVED, EventCatalogue.ORGANISATION_DISSOLVED, EventCatalogue.MEMBER_ADMITTED, EventCatalogue.MEMBERS_ONBOARDED,
            EventCatalogue.MEMBER_TRANSFERRED_OUT, EventCatalogue.MEMBER_RECEIVED, EventCatalogue.MEMBER_REASSIGNED,
            EventCatalogue.MEMBER_DISCIPLINED, EventCatalogue.MEMBER_LEFT, EventCatalogue.DUES_PAID);

    private final IdempotentConsumer consumer;
    private final Membership membership;

    MembershipListener(IdempotentConsumer consumer, Membership membership) {
        this.consumer = consumer;
        this.membership = membership;
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEMBERSHIP_EVENTS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, TAKEN, membership::applyAll, event -> membership.applyAll(List.of(event)));
    }
}
