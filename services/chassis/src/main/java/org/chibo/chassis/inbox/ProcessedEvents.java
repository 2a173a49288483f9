package org.chibo.chassis.inbox;

import java.time.Instant;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.store.InBatches;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Remembers which events a consumer has handled ({@code _id} = consumer + event id, so uniqueness is the primary
 * key's). A handler runs only for events not yet remembered, and the mark is written after the handler succeeded.
 * A crash between the two runs the handler again, so handlers must also be idempotent in their own writes
 * (natural-key upserts, conditional updates); this store makes the common re-delivery cheap and exact.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final String consumer;

    public ProcessedEvents(MongoTemplate mongo, String consumer) {
        this.mongo = mongo;
        this.consumer = consumer;
    }

    public boolean contains(String eventId) {
        // a plain look-up by _id: the embedded store answers it from the primary key, where exists() may scan
        return mongo.findById(key(eventId), Document.class, COLLECTION) != null;
    }

    /**
     * Which of {@code eventIds} were handled already, in as few look-ups as the store allows. Straight through the
     * driver, ids only: a poll's look-up is a list of plain strings, and Spring's query mapping (which inspects each
     * value as a possible ObjectId) cost a consumer a fifth of its time while a city was onboarded.
     */
    public Set<String> containsAny(List<String> eventIds) {
        Set<String> seen = new HashSet<>();
        for (List<String> slice : InBatches.of(eventIds.stream().map(this::key).toList())) {
            for (Document mark : mongo.getCollection(COLLECTION).find(Filters.in("_id", slice)).projection(Projections.include("_id"))) {
                seen.add(mark.getString("_id").substring(consumer.length() + 1));
            }
        }
        return seen;
    }

    /**
     * Remembers many handled events in one unordered insert, straight through the driver (a poll's marks need no
     * mapping); marks already there (a concurrent or repeated delivery) are left as they are.
     */
    public void rememberAll(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Date now = new Date();
        List<InsertOneModel<Document>> marks = events.stream()
                .map(e -> new InsertOneModel<>(new Document("_id", key(e.id())).append("type", e.type().type()).append("at", now)))
                .toList();
        try {
            mongo.getCollection(COLLECTION).bulkWrite(marks, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    public void remember(String eventId, String type) {
        try {
            mongo.insert(new Document("_id", key(eventId)).append("type", type).append("at", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            // a concurrent or repeated delivery remembered it first: same outcome
        }
    }

    private String key(String eventId) {
        return consumer + ":" + eventId;
    }
}
