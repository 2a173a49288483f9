package org.chibo.chassis.events;

import static org.chibo.contracts.CloudEventHeaders.CONTENT_TYPE;
import static org.chibo.contracts.CloudEventHeaders.ID;
import static org.chibo.contracts.CloudEventHeaders.JSON;
import static org.chibo.contracts.CloudEventHeaders.SOURCE;
import static org.chibo.contracts.CloudEventHeaders.SPEC_VERSION;
import static org.chibo.contracts.CloudEventHeaders.SPEC_VERSION_VALUE;
import static org.chibo.contracts.CloudEventHeaders.SUBJECT;
import static org.chibo.contracts.CloudEventHeaders.TIME;
import static org.chibo.contracts.CloudEventHeaders.TYPE;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;

import tools.jackson.core.JacksonException;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes in headers, data as the JSON value. */
public final class CloudEvents {

    private CloudEvents() {
    }

    public static ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(),
                event.data().getBytes(StandardCharsets.UTF_8));
        Headers h = record.headers();
        put(h, SPEC_VERSION, SPEC_VERSION_VALUE);
        put(h, ID, event.id());
        put(h, TYPE, event.type());
        put(h, SOURCE, event.source());
        if (event.subject() != null) {
            put(h, SUBJECT, event.subject());
        }
        put(h, TIME, event.occurredAt().toString());
        put(h, CONTENT_TYPE, JSON);
        return record;
    }

    /**
     * Reads a record into an event, or throws {@link PoisonEventException} saying exactly what is wrong with it.
     */
    public static IncomingEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers h = record.headers();
        String id = required(h, ID);
        String typeName = required(h, TYPE);
        EventType<?> type = EventCatalogue.byType(typeName)
                .orElseThrow(() -> new PoisonEventException("unknown event type " + typeName));
        String contentType = get(h, CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(JSON)) {
            throw new PoisonEventException("unsupported content-type " + contentType + " for " + typeName);
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + id + " (" + typeName + ") has no data");
        }
        Object data;
        try {
            data = EventJson.read(record.value(), type.payloadClass());
        } catch (JacksonException e) {
            throw new PoisonEventException("data of event " + id + " is not a valid " + typeName + ": "
                    + e.getOriginalMessage(), e);
        }
        Instant time;
        try {
            String t = get(h, TIME);
            time = t == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time of event " + id + " is not an RFC 3339 time", e);
        }
        return new IncomingEvent(id, type, get(h, SOURCE), get(h, SUBJECT), time, record.key(), data);
    }

    private static String required(Headers headers, String name) {
        String value = get(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("record has no " + name + " header: not a CloudEvent");
        }
        return value;
    }

    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
