package org.chibo.chassis.inbox;

import java.time.Instant;

import org.bson.Document;
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
