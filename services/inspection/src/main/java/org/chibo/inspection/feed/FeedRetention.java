package org.chibo.inspection.feed;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drops the feed's entries older than {@code chibo.inspection.feed.retention}; every instance may, it is idempotent. */
@Component
class FeedRetention {

    private static final Logger log = LoggerFactory.getLogger(FeedRetention.class);

    private final FeedEntries entries;
    private final FeedSettings settings;
    private final Clock clock;

    FeedRetention(FeedEntries entries, FeedSettings settings, Clock clock) {
        this.entries = entries;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chibo.inspection.feed.retention-interval:PT1H}",
            initialDelayString = "${chibo.inspection.feed.retention-interval:PT1H}")
    void expire() {
        long upTo = entries.expireBefore(clock.instant().minus(settings.retention()));
        log.info("feed entries up to place {} are older than {} and dropped", upTo, settings.retention());
    }
}
