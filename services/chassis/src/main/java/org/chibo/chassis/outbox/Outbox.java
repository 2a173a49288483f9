package org.chibo.chassis.outbox;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an application service uses after it saved an aggregate: stamp new events with the current trace, and ask
 * for them to be published now rather than at the next sweep. The sweeper covers any publish that fails here.
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxRelay relay;
    private final TraceContinuation traces;
    private final Executor executor;

    public Outbox(OutboxRelay relay, TraceContinuation traces, Executor executor) {
        this.relay = relay;
        this.traces = traces;
        this.executor = executor;
    }

    public PendingEvent stamp(PendingEvent event) {
        return traces.stamp(event);
    }

    /** Publishes the document's pending events in the background; failures are left to the sweeper. */
    public void publishSoon(String collection, Object id) {
        executor.execute(() -> {
            try {
                relay.relay(collection, id);
            } catch (RuntimeException e) {
                log.warn("immediate publish of {}/{} failed, the sweeper will retry: {}", collection, id, e.toString());
            }
        });
    }

    /** Publishes the pending events of many documents written in one bulk write. */
    public void publishAllSoon(String collection, java.util.Collection<?> ids) {
        executor.execute(() -> {
            try {
                relay.relayAll(collection, ids);
            } catch (RuntimeException e) {
                log.warn("bulk publish of {} document(s) in {} failed, the sweeper will retry: {}", ids.size(), collection, e.toString());
            }
        });
    }

    /** Registered by each service for every collection whose documents carry {@code pendingEvents}. */
    public record Collection(String name) {
    }

    /** How the sweeper runs; see {@code chibo.outbox.*} in the service's application.yml. */
    public record SweepSettings(Duration interval, Duration minAge, int batchSize) {
    }
}
