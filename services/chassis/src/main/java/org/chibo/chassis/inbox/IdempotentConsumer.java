package org.chibo.chassis.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.contracts.CloudEventHeaders;
import org.chibo.contracts.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The entry of every Kafka listener: parse the CloudEvent (a poison record throws and goes to the DLT), skip what
 * was already handled, run the handler, remember the event.
 * <p>
 * A batch listener ({@link #handleBatch}) does the same for a whole poll: one look-up of the processed marks, the
 * fresh events to the batch handler in order, one write of the marks. If the batch handler fails, the events are
 * handled one by one, so a failure is pinned to its record: the records before it are committed, it goes to the
 * error handler (retried if transient, dead-lettered otherwise), and the rest of the poll follows.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processed;
    private final MeterRegistry meters;

    public IdempotentConsumer(ProcessedEvents processed, MeterRegistry meters) {
        this.processed = processed;
        this.meters = meters;
    }

    public void handle(ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        handle(CloudEvents.fromRecord(record), handler);
    }

    private void handle(IncomingEvent event, Consumer<IncomingEvent> handler) {
        if (processed.contains(event.id())) {
            duplicate(event);
            return;
        }
        handler.accept(event);
        processed.remember(event.id(), event.type().type());
        handled(event);
    }

    /**
     * Handles one poll of a batch listener.
     *
     * @param batchHandler applies fresh events in their order, typically as one bulk write; must be idempotent in its
     *                     writes, as a failure part way is followed by the one-by-one path
     * @param handler      applies one event, for the one-by-one path
     */
    public void handleBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<List<IncomingEvent>> batchHandler,
                            Consumer<IncomingEvent> handler) {
        handleBatch(records, record -> true, batchHandler, handler);
    }

    /**
     * The same for a listener that acts on a few of a topic's event types only: records of other types are skipped
     * on their {@code ce_type} header, unparsed and without a processed mark (there is nothing to do twice), so a
     * busy topic costs such a listener next to nothing.
     */
    public void handleBatch(List<ConsumerRecord<String, byte[]>> records, Set<EventType<?>> types,
                            Consumer<List<IncomingEvent>> batchHandler, Consumer<IncomingEvent> handler) {
        Set<String> wanted = types.stream().map(EventType::type).collect(java.util.stream.Collectors.toSet());
        handleBatch(records, record -> {
            String type = CloudEvents.get(record.headers(), CloudEventHeaders.TYPE);
            return type == null || wanted.contains(type); // no type at all: parsed, and refused as poison
        }, batchHandler, handler);
    }

    private void handleBatch(List<ConsumerRecord<String, byte[]>> records, Predicate<ConsumerRecord<String, byte[]>> relevant,
                             Consumer<List<IncomingEvent>> batchHandler, Consumer<IncomingEvent> handler) {
        // each relevant event with its index in the poll, which is what the error handler needs to hear of a failure
        List<IncomingEvent> events = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        int poisonAt = -1;
        RuntimeException poison = null;
        for (int i = 0; i < records.size(); i++) {
            if (!relevant.test(records.get(i))) {
                continue;
            }
            try {
                events.add(CloudEvents.fromRecord(records.get(i)));
                positions.add(i);
            } catch (RuntimeException e) {
                poison = e;
                poisonAt = i;
                break;
            }
        }
        try {
            Set<String> seen = new HashSet<>(processed.containsAny(events.stream().map(IncomingEvent::id).toList()));
            List<IncomingEvent> fresh = new ArrayList<>(events.size());
            for (IncomingEvent event : events) {
                // seen before, or earlier in this very poll (a re-delivery can land in the same batch)
                if (!seen.add(event.id())) {
                    duplicate(event);
                } else {
                    fresh.add(event);
                }
            }
            batchHandler.accept(fresh);
            processed.rememberAll(fresh);
            fresh.forEach(this::handled);
        } catch (RuntimeException batchFailure) {
            log.info("batch of {} event(s) failed, handling them one by one: {}", events.size(), batchFailure.toString());
            for (int i = 0; i < events.size(); i++) {
                try {
                    handle(events.get(i), handler);
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("event " + events.get(i).id() + " failed", e, positions.get(i));
                }
            }
        }
        if (poison != null) {
            // the events before it are applied and remembered; the error handler commits them and dead-letters this one
            throw new BatchListenerFailedException("record " + poisonAt + " of the batch is not a valid event", poison, poisonAt);
        }
    }

    private void duplicate(IncomingEvent event) {
        meters.counter("chibo.consumer.duplicates", "type", event.type().type()).increment();
    }

    private void handled(IncomingEvent event) {
        meters.counter("chibo.consumer.handled", "type", event.type().type()).increment();
    }
}
