package org.chibo.chassis.inbox;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.events.IncomingEvent;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The entry of every Kafka listener: parse the CloudEvent (a poison record throws and goes to the DLT), skip what
 * was already handled, run the handler, remember the event.
 */
public class IdempotentConsumer {

    private final ProcessedEvents processed;
    private final MeterRegistry meters;

    public IdempotentConsumer(ProcessedEvents processed, MeterRegistry meters) {
        this.processed = processed;
        this.meters = meters;
    }

    public void handle(ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = CloudEvents.fromRecord(record);
        if (processed.contains(event.id())) {
            meters.counter("chibo.consumer.duplicates", "type", event.type().type()).increment();
            return;
        }
        handler.accept(event);
        processed.remember(event.id(), event.type().type());
        meters.counter("chibo.consumer.handled", "type", event.type().type()).increment();
    }
}
