package org.chibo.chassis.outbox;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Re-publishes leftovers on a fixed delay. Idempotent by construction (it only publishes what is still pending and
 * removes it after), observable through {@code chibo.outbox.published} and its log line.
 */
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final OutboxRelay relay;
    private final List<Outbox.Collection> collections;
    private final Outbox.SweepSettings settings;

    public OutboxSweeper(OutboxRelay relay, List<Outbox.Collection> collections, Outbox.SweepSettings settings) {
        this.relay = relay;
        this.collections = collections;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${chibo.outbox.sweep-interval:PT10S}", initialDelayString = "${chibo.outbox.sweep-interval:PT10S}")
    public void sweep() {
        for (Outbox.Collection c : collections) {
            int n = relay.sweep(c.name(), settings.minAge(), settings.batchSize());
            if (n > 0) {
                log.info("outbox sweeper re-published {} event(s) left in {}", n, c.name());
            }
        }
    }
}
