package org.chibo.inspection.feed;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.context.SmartLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The connections open on this instance. At shutdown they are ended before the web server's graceful shutdown, which
 * would otherwise wait for streams that never end by themselves.
 */
@Component
class FeedStreams implements SmartLifecycle {

    private final FeedTail tail;
    private final FeedSettings settings;
    private final Set<FeedStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    FeedStreams(FeedTail tail, FeedSettings settings, MeterRegistry meters) {
        this.tail = tail;
        this.settings = settings;
        meters.gauge("chibo.inspection.feed.connections", open, Set::size);
    }

    SseEmitter open(Predicate<FeedEntry> wanted, Long lastEventId) {
        // no time limit: a connection lasts as long as its client; the heartbeat finds one that has gone
        SseEmitter emitter = new SseEmitter(0L);
        FeedStream stream = new FeedStream(emitter, tail, wanted, settings);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        open.add(stream);
        Thread.ofVirtual().name("feed-stream").start(() -> {
            try {
                stream.run(lastEventId);
            } finally {
                open.remove(stream);
            }
        });
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(FeedStream::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
