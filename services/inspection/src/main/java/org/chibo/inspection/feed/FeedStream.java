package org.chibo.inspection.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

import org.chibo.chassis.store.InBatches;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's connection: what it missed since its {@code Last-Event-ID} (bounded), then the feed as it grows, the
 * entries it wants only, each with its place as SSE id. Runs on a virtual thread of its own, so a slow client holds
 * up no one else. A heartbeat comment keeps a quiet connection open (and finds a client that has gone); it also
 * carries the place read up to, so a client resumes from there and not from its last matching event.
 */
final class FeedStream {

    /** The event that tells a client which places it will not be sent, and why. */
    static final String GAP = "feed-gap";

    private final SseEmitter emitter;
    private final FeedTail tail;
    private final Predicate<FeedEntry> wanted;
    private final FeedSettings settings;
    private volatile boolean closed;

    FeedStream(SseEmitter emitter, FeedTail tail, Predicate<FeedEntry> wanted, FeedSettings settings) {
        this.emitter = emitter;
        this.tail = tail;
        this.wanted = wanted;
        this.settings = settings;
    }

    /** @param lastEventId the last place the client had, or null for a client that wants what comes from now on */
    void run(Long lastEventId) {
        try {
            long place = resumeFrom(lastEventId);
            long idSent = place;
            long lastWrite = System.nanoTime();
            emitter.send(SseEmitter.event().comment("ChiBo feed"));
            while (!closed) {
                FeedTail.Slice slice = tail.after(place, InBatches.SIZE);
                for (FeedEntry e : slice.entries()) {
                    if (!e.isPlaceholder() && wanted.test(e)) {
                        emitter.send(SseEmitter.event().id(Long.toString(e.seq())).name(e.type()).data(e.data()));
                        idSent = e.seq();
                        lastWrite = System.nanoTime();
                    }
                }
                place = slice.upTo();
                if (place < tail.settled()) {
                    continue;
                }
                Duration silent = Duration.ofNanos(System.nanoTime() - lastWrite);
                if (silent.compareTo(settings.heartbeat()) >= 0) {
                    SseEmitter.SseEventBuilder heartbeat = SseEmitter.event();
                    if (place != idSent) {
                        heartbeat.id(Long.toString(place));
                        idSent = place;
                    }
                    emitter.send(heartbeat.comment("heartbeat"));
                    lastWrite = System.nanoTime();
                } else {
                    tail.awaitBeyond(place, settings.heartbeat().minus(silent));
                }
            }
        } catch (IOException | IllegalStateException gone) {
            // the client left, or the connection was ended: nothing to say to anyone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end();
        }
    }

    /** Where to start reading: after the client's last place, unless that is gone or too far back (the client is told). */
    private long resumeFrom(Long lastEventId) throws IOException {
        long settled = tail.settled();
        if (lastEventId == null || lastEventId > tail.allocatedNow()) {
            // a new client, or an id this feed never handed out (its store was reset): from now on
            return settled;
        }
        if (lastEventId > settled) {
            // handed out, not settled here yet (another instance is a poll ahead): waited for like any other place
            return lastEventId;
        }
        long place = lastEventId;
        if (place < tail.expiredUpTo()) {
            place = gap(place, tail.expiredUpTo(), "expired");
        }
        if (settled - place > settings.replayLimit()) {
            place = gap(place, settled - settings.replayLimit(), "too-far-behind");
        }
        return place;
    }

    private long gap(long after, long upTo, String reason) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(upTo)).name(GAP)
                .data("{\"from\":" + (after + 1) + ",\"to\":" + upTo + ",\"reason\":\"" + reason + "\"}"));
        return upTo;
    }

    void close() {
        closed = true;
    }

    /** Ends the response (at shutdown, or once the client has gone). */
    void end() {
        closed = true;
        try {
            emitter.complete();
        } catch (RuntimeException alreadyEnded) {
            // completing twice, or after the container gave up on the connection, changes nothing
        }
    }
}
