package org.chibo.membership.organisation;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.MemberLeft;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A member who leaves a branch's rolls (transferred out, expelled, removed, deceased, left) gives up their seat on
 * its committee. The member and the branch are two aggregates, so this follows the member's event rather than
 * writing both in one command: a crash between the two writes cannot leave a departed member on a committee, the
 * event is simply handled again.
 */
@Component
class CommitteeSeats {

    private final IdempotentConsumer consumer;
    private final BranchSettings settings;

    CommitteeSeats(IdempotentConsumer consumer, BranchSettings settings) {
        this.consumer = consumer;
        this.settings = settings;
    }

    /** A poll at a time: of a whole city's onboarding, only the few departures and transfers concern it. */
    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEMBERSHIP_EVENTS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, Set.of(EventCatalogue.MEMBER_LEFT, EventCatalogue.MEMBER_TRANSFERRED_OUT),
                events -> events.forEach(this::apply), this::apply);
    }

    void apply(IncomingEvent event) {
        if (event.is(EventCatalogue.MEMBER_LEFT)) {
            MemberLeft left = event.dataAs(EventCatalogue.MEMBER_LEFT);
            settings.vacateSeat(left.branchId(), left.memberId());
        } else if (event.is(EventCatalogue.MEMBER_TRANSFERRED_OUT)) {
            MemberTransferredOut out = event.dataAs(EventCatalogue.MEMBER_TRANSFERRED_OUT);
            settings.vacateSeat(out.fromBranchId(), out.memberId());
        }
    }
}
