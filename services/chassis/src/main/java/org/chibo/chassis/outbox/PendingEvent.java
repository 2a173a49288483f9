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

    public PendingEvent withTraceparent(String value) {
        return new PendingEvent(id, type, topic, key, source, subject, occurredAt, data, value);
    }
}
