package org.chibo.chassis.outbox;

import java.time.Instant;
import java.util.UUID;

import org.chibo.chassis.events.EventJson;
import org.chibo.contracts.EventType;

/**
 * An event waiting inside its aggregate's document to be published. It is written in the same single-document
 * write as the state change it reports, so the two cannot part: that is the whole outbox guarantee.
 *
 * @param data        the event data as the JSON that will go on the wire, byte for byte
 * @param traceparent the W3C trace context of the command that raised it, so the trace continues through Kafka
 */
public record PendingEvent(String id, String type, String topic, String key, String source, String subject,
                           Instant occurredAt, String data, String traceparent) {

    public static <T> PendingEvent of(EventType<T> type, String key, String subject, T payload, Instant occurredAt) {
        return new PendingEvent(UUID.randomUUID().toString(), type.type(), type.topic().name(), key,
                "/chibo/" + type.producer(), subject, occurredAt, EventJson.write(payload), null);
    }

    /**
     * Reads an event back as the store holds it inside its document, field by field: the relay reads every event of
     * a bulk import this way, and the mapping converter's reflection cost as much as the rest of the publishing.
     */
    public static PendingEvent fromStored(org.bson.Document stored) {
        Object occurred = stored.get("occurredAt");
        Instant occurredAt = occurred instanceof java.util.Date date ? date.toInstant() : (Instant) occurred;
        return new PendingEvent(stored.getString("_id"), stored.getString("type"), stored.getString("topic"),
                stored.getString("key"), stored.getString("source"), stored.getString("subject"), occurredAt,
                stored.getString("data"), stored.getString("traceparent"));
    }

    public PendingEvent withTraceparent(String value) {
        return new PendingEvent(id, type, topic, key, source, subject, occurredAt, data, value);
    }
}
