package org.chibo.chassis.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a command's trace across the outbox: the W3C {@code traceparent} is captured when the event is raised
 * and the relay publishes inside a span that continues it, so the Kafka observation injects the same trace id.
 * Without a tracer (tracing switched off) both ends do nothing.
 */
public class TraceContinuation {

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContinuation(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static TraceContinuation none() {
        return new TraceContinuation(null, null);
    }

    /** The current trace as a W3C traceparent, or null when there is none. */
    public String current() {
        if (tracer == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    public PendingEvent stamp(PendingEvent event) {
        String traceparent = current();
        return traceparent == null ? event : event.withTraceparent(traceparent);
    }

    void runWithin(String traceparent, String name, Runnable work) {
        if (tracer == null || traceparent == null) {
            work.run();
            return;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            work.run();
        } finally {
            span.end();
        }
    }
}
