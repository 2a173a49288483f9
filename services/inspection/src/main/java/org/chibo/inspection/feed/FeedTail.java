package org.chibo.inspection.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.chibo.chassis.store.InBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * This instance's reader of the feed: one read of the store per poll, whatever the number of connected clients, so a
 * client sees what any instance appended; what this instance appended itself is read at once. Keeps the newest
 * entries in memory for the clients that keep up, and wakes them when the feed moves on; a client further behind
 * reads the store itself.
 * <p>
 * {@code settled} is the place up to which every entry is known (present, or given up by the {@link GapGuard}): no one
 * is ever served past it, so no one skips an entry still on its way.
 */
@Component
class FeedTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedTail.class);
    /** Entries kept in memory: far more than a poll brings, so a client that keeps up never reads the store. */
    static final int RECENT = 1_000;

    private final FeedEntries entries;
    private final FeedSettings settings;
    private final Clock clock;
    private final GapGuard gaps;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final NavigableMap<Long, FeedEntry> recent = new TreeMap<>();
    /** {@link #recent} holds every entry after this place (up to {@link #settled}). */
    private long recentAfter;
    private volatile long settled;
    private volatile long expiredUpTo;
    private volatile Thread poller;
    /** Released when this instance appended entries: its clients need not wait for the next poll. */
    private final Semaphore appendedHere = new Semaphore(0);

    FeedTail(FeedEntries entries, FeedSettings settings, Clock clock) {
        this.entries = entries;
        this.settings = settings;
        this.clock = clock;
        this.gaps = new GapGuard(settings.gapGrace());
    }

    /** Entries after a place, up to the place they were read to ({@code upTo}, where the next read begins). */
    record Slice(List<FeedEntry> entries, long upTo) {
    }

    /** Before the web server takes connections: start from the newest entries, and keep them in memory. */
    @PostConstruct
    void catchUp() {
        FeedEntries.Marks marks = entries.marks();
        expiredUpTo = marks.expiredUpTo();
        settled = Math.max(marks.expiredUpTo(), marks.allocated() - RECENT);
        recentAfter = settled;
        while (poll()) {
            // until the first place still awaited
        }
    }

    long settled() {
        return settled;
    }

    /** The highest place handed out, read from the store now (not as of the last poll). */
    long allocatedNow() {
        return entries.marks().allocated();
    }

    long expiredUpTo() {
        return expiredUpTo;
    }

    /** At most {@code max} entries after {@code place}, all settled: from memory if it still has them, else the store. */
    Slice after(long place, int max) {
        long until;
        lock.lock();
        try {
            until = settled;
            if (place >= until) {
                return new Slice(List.of(), place);
            }
            if (place >= recentAfter) {
                List<FeedEntry> found = new ArrayList<>();
                for (FeedEntry e : recent.tailMap(place, false).values()) {
                    if (found.size() == max) {
                        return new Slice(found, found.getLast().seq());
                    }
                    found.add(e);
                }
                return new Slice(found, until);
            }
        } finally {
            lock.unlock();
        }
        long upTo = Math.min(until, place + max);
        return new Slice(entries.between(place + 1, upTo), upTo);
    }

    /** Waits until the feed is settled beyond {@code place}, or the time is up; returns the settled place. */
    long awaitBeyond(long place, java.time.Duration atMost) throws InterruptedException {
        long nanos = atMost.toNanos();
        lock.lock();
        try {
            while (settled <= place && nanos > 0) {
                nanos = advanced.awaitNanos(nanos);
            }
            return settled;
        } finally {
            lock.unlock();
        }
    }

    /** This instance's writer appended entries: read them now rather than at the next poll. */
    void appended() {
        appendedHere.release();
    }

    /** Reads the new entries once; true if there are more to read at once. */
    boolean poll() {
        FeedEntries.Marks marks = entries.marks();
        expiredUpTo = marks.expiredUpTo();
        long from = settled;
        if (marks.allocated() <= from) {
            return false;
        }
        long top = Math.min(marks.allocated(), from + InBatches.SIZE);
        List<FeedEntry> found = entries.between(from + 1, top);
        Set<Long> present = found.stream().map(FeedEntry::seq).collect(Collectors.toSet());
        long to = gaps.settle(from, top, present, clock.instant());
        if (to > from) {
            advance(found.stream().filter(e -> e.seq() <= to).toList(), to);
        }
        return to == top && top < marks.allocated();
    }

    private void advance(List<FeedEntry> settledEntries, long to) {
        lock.lock();
        try {
            settledEntries.forEach(e -> recent.put(e.seq(), e));
            while (recent.size() > RECENT) {
                recentAfter = recent.pollFirstEntry().getKey();
            }
            settled = to;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!poll()) {
                    awaitNextPoll();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("feed poll failed, trying again: {}", e.toString());
                try {
                    awaitNextPoll();
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Until the poll interval is over, or this instance appended something. */
    private void awaitNextPoll() throws InterruptedException {
        appendedHere.tryAcquire(settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
        appendedHere.drainPermits();
    }

    @Override
    public void start() {
        poller = Thread.ofVirtual().name("feed-tail").start(this::run);
    }

    @Override
    public void stop() {
        Thread p = poller;
        poller = null;
        if (p != null) {
            p.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
