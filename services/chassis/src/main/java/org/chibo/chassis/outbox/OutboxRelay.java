package org.chibo.chassis.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.Document;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.store.InBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events waiting in aggregates' {@code pendingEvents} and then removes them by id. Publishing first
 * and removing second means a crash in between publishes again later: duplicates are possible, loss is not, and
 * every consumer is idempotent for exactly that reason.
 */
public class OutboxRelay {

    static final String FIELD = "pendingEvents";
    /** The field Spring Data's {@code @Version} maps to in every aggregate that carries an outbox. */
    static final String VERSION = "version";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LOCK_STRIPES = 64;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TraceContinuation traces;
    private final Duration sendTimeout;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    /**
     * One document is relayed by one thread at a time in this JVM, so the immediate path and the sweeper never
     * publish it concurrently. A second relay of the same document waits rather than returns: the command that asked
     * for it may have added events after the first relay read the document, and those must not wait for the sweeper.
     */
    private final ReentrantLock[] documentLocks = new ReentrantLock[LOCK_STRIPES];

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, TraceContinuation traces,
                       MeterRegistry meters, Duration sendTimeout, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.traces = traces;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
        this.published = meters.counter("chibo.outbox.published");
        this.failures = meters.counter("chibo.outbox.publish.failures");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            documentLocks[i] = new ReentrantLock();
        }
    }

    /**
     * Publishes what the document {@code id} in {@code collection} holds pending.
     *
     * @return how many events were published
     */
    public int relay(String collection, Object id) {
        ReentrantLock lock = documentLocks[Math.floorMod((collection + "/" + id).hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            Query byId = Query.query(Criteria.where("_id").is(id));
            byId.fields().include(FIELD);
            Document doc = mongo.findOne(byId, Document.class, collection);
            if (doc == null) {
                return 0;
            }
            List<Document> pending = doc.getList(FIELD, Document.class, List.of());
            int count = 0;
            for (Document raw : pending) {
                PendingEvent event = PendingEvent.fromStored(raw);
                send(event);
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), removal(new Document("_id", event.id())), collection);
                published.increment();
                count++;
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes the pending events of many documents at once, as a bulk write leaves them: one read, the sends
     * pipelined, one removal. Same guarantee as {@link #relay}: removal only after every send was acknowledged.
     *
     * @return how many events were published
     */
    public int relayAll(String collection, Collection<?> ids) {
        int count = 0;
        for (List<?> slice : InBatches.of(ids)) {
            count += relaySlice(collection, slice);
        }
        return count;
    }

    private int relaySlice(String collection, List<?> ids) {
        Query byIds = Query.query(Criteria.where("_id").in(ids));
        byIds.fields().include(FIELD);
        Map<Object, Document> byId = new HashMap<>();
        mongo.find(byIds, Document.class, collection).forEach(doc -> byId.put(doc.get("_id"), doc));
        // in the caller's order (the order of the bulk write), whatever order the store returns them in
        List<PendingEvent> events = new ArrayList<>();
        for (Object id : ids) {
            Document doc = byId.get(id);
            if (doc != null) {
                doc.getList(FIELD, Document.class, List.of()).forEach(raw -> events.add(PendingEvent.fromStored(raw)));
            }
        }
        List<CompletableFuture<?>> sends = events.stream()
                .<CompletableFuture<?>>map(e -> kafka.send(CloudEvents.toRecord(e))).toList();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + events.size() + " events", e);
        } catch (ExecutionException | TimeoutException e) {
            failures.increment();
            throw new IllegalStateException("could not publish " + events.size() + " events from " + collection
                    + "; the sweeper will retry", e);
        }
        List<String> eventIds = events.stream().map(PendingEvent::id).toList();
        mongo.updateMulti(byIds, removal(new Document("_id", new Document("$in", eventIds))), collection);
        published.increment(events.size());
        return events.size();
    }

    /**
     * Removes published events and moves the document's version on: a command that read the document before the
     * removal then fails its optimistic-lock check instead of writing the published events back (which would publish
     * them a second time), and retries on the fresh document ({@link Conflicts#retry}).
     */
    private static Update removal(Document which) {
        return new Update().pull(FIELD, which).inc(VERSION, 1);
    }

    /**
     * Re-publishes events left behind, e.g. by a crash between saving and publishing. Only events older than
     * {@code minAge} are touched, so the sweeper does not race the immediate path for fresh ones.
     *
     * @return how many events were published
     */
    public int sweep(String collection, Duration minAge, int maxDocuments) {
        Instant cutoff = clock.instant().minus(minAge);
        Query leftovers = Query.query(Criteria.where(FIELD).elemMatch(Criteria.where("occurredAt").lte(cutoff)))
                .limit(maxDocuments);
        leftovers.fields().include("_id");
        int count = 0;
        for (Document doc : mongo.find(leftovers, Document.class, collection)) {
            try {
                count += relay(collection, doc.get("_id"));
            } catch (RuntimeException e) {
                log.warn("outbox sweep of {}/{} failed, will retry on the next sweep: {}", collection, doc.get("_id"), e.toString());
            }
        }
        return count;
    }

    private void send(PendingEvent event) {
        traces.runWithin(event.traceparent(), "outbox publish " + event.type(), () -> {
            try {
                kafka.send(CloudEvents.toRecord(event)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxPublishException(event, e);
            } catch (ExecutionException | TimeoutException e) {
                failures.increment();
                throw new OutboxPublishException(event, e);
            }
        });
    }

    public static class OutboxPublishException extends RuntimeException {
        OutboxPublishException(PendingEvent event, Throwable cause) {
            super("could not publish " + event.type() + " " + event.id() + " to " + event.topic(), cause);
        }
    }
}
