package org.chibo.chassis.it;

import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.ChassisConfiguration;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.chassis.inbox.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.chibo.chassis.kafka.EventRejectedException;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.contracts.EventCatalogue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A tiny service on the chassis: one aggregate with an outbox, one listener with a deliberately non-idempotent effect. */
@SpringBootApplication
@Import(ChassisConfiguration.class)
public class ChassisTestApp {

    static final String WIDGETS = "widgets";
    static final String EFFECTS = "effects";
    static final String BATCH_EFFECTS = "batch_effects";
    static final String REJECTED_NAME = "reject me";

    @Bean
    Outbox.Collection widgets() {
        return new Outbox.Collection(WIDGETS);
    }

    @Document(WIDGETS)
    public static class Widget {
        @Id
        public String id;
        public String name;
        public List<PendingEvent> pendingEvents = new ArrayList<>();
    }

    /**
     * Counts deliveries with $inc, which is not idempotent on its own: only the chassis keeps it exact. The same
     * events are counted twice over, by a record listener and by a batch listener in another consumer group.
     */
    @Component
    static class CountingListener {
        static final String BATCH_GROUP = "chassis-test-batch";
        private final IdempotentConsumer consumer;
        /** Its own processed marks: a service has one listener per topic, this test app two. */
        private final IdempotentConsumer batchConsumer;
        private final MongoTemplate mongo;

        CountingListener(IdempotentConsumer consumer, MongoTemplate mongo, MeterRegistry meters) {
            this.consumer = consumer;
            this.batchConsumer = new IdempotentConsumer(new ProcessedEvents(mongo, BATCH_GROUP), meters);
            this.mongo = mongo;
        }

        @KafkaListener(topics = "membership.events", groupId = "chassis-test")
        void on(ConsumerRecord<String, byte[]> record) {
            consumer.handle(record, event -> count(event, EFFECTS));
        }

        @KafkaListener(topics = "membership.events", groupId = BATCH_GROUP, batch = "true")
        void onBatch(List<ConsumerRecord<String, byte[]>> records) {
            // it counts admissions only, as a listener interested in a few event types ignores the rest
            batchConsumer.handleBatch(records, java.util.Set.of(EventCatalogue.MEMBER_ADMITTED),
                    events -> events.forEach(e -> count(e, BATCH_EFFECTS)), e -> count(e, BATCH_EFFECTS));
        }

        private void count(IncomingEvent event, String effects) {
            if (event.is(EventCatalogue.MEMBER_ADMITTED)
                    && REJECTED_NAME.equals(event.dataAs(EventCatalogue.MEMBER_ADMITTED).fullName())) {
                throw new EventRejectedException("member " + event.subject() + " cannot be applied");
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(event.subject())), new Update().inc("count", 1), effects);
        }
    }
}
