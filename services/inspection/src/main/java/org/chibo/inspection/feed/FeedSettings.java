package org.chibo.inspection.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inspectors' feed ({@code chibo.inspection.feed.*}, commented in application.yml).
 *
 * @param pollInterval how often each instance reads the feed's new entries (one read for all its connected clients)
 * @param gapGrace     how long a reader waits for a place handed out but not yet written before passing it for good
 * @param heartbeat    a comment is sent on a connection that has been silent this long
 * @param replayLimit  the most entries (of every subtree) a reconnect reads to catch up; further behind, the client
 *                     is told what it missed and resumes from there
 * @param retention    entries older than this are dropped; a reconnect from before them is told so
 * @param retentionInterval how often old entries are dropped
 */
@ConfigurationProperties("chibo.inspection.feed")
public record FeedSettings(@DefaultValue("PT0.2S") Duration pollInterval,
                           @DefaultValue("PT2S") Duration gapGrace,
                           @DefaultValue("PT15S") Duration heartbeat,
                           @DefaultValue("10000") int replayLimit,
                           @DefaultValue("P30D") Duration retention,
                           @DefaultValue("PT1H") Duration retentionInterval) {
}
