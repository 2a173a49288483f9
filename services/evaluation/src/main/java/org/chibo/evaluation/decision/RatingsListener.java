package org.chibo.evaluation.decision;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The service reads back what it published on {@code evaluation.ratings}: the proposals, the committee's decisions and
 * the closed years are the record of what was decided, so a database dropped and rebuilt from the topics has every
 * final rating as it was. In normal running each event finds its document already there and changes nothing.
 */
@Component
class RatingsListener {

    private static final Set<EventType<?>> TAKEN = Set.of(EventCatalogue.RATING_CHANGED, EventCatalogue.RATING_DECIDED,
            EventCatalogue.YEAR_CLOSED);

    private final IdempotentConsumer consumer;
    private final RatingsReplay replay;

    RatingsListener(IdempotentConsumer consumer, RatingsReplay replay) {
        this.consumer = consumer;
        this.replay = replay;
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).EVALUATION_RATINGS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, TAKEN, replay::applyAll, event -> replay.applyAll(List.of(event)));
    }
}
