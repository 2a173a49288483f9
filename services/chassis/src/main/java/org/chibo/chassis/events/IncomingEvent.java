package org.chibo.chassis.events;

import java.time.Instant;

import org.chibo.contracts.EventType;

/** An event as a consumer receives it: the CloudEvents attributes and the typed data. */
public record IncomingEvent(String id, EventType<?> type, String source, String subject, Instant time,
                            String key, Object data) {

    public boolean is(EventType<?> expected) {
        return type.equals(expected);
    }

    public <T> T dataAs(EventType<T> expected) {
        if (!is(expected)) {
            throw new IllegalStateException("event " + id + " is " + type.type() + ", not " + expected.type());
        }
        return expected.payloadClass().cast(data);
    }
}
