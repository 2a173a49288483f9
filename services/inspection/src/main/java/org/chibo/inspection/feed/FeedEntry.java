package org.chibo.inspection.feed;

import java.time.Instant;

/**
 * One event in the inspectors' feed, at its place {@code seq} (also its SSE id). {@code type} is the CloudEvents type
 * and {@code data} the event's data exactly as published. A placeholder (a place whose event turned out to be a
 * duplicate written at another place by a concurrent writer) has no type and is sent to nobody.
 */
record FeedEntry(long seq, String eventId, String type, String organisationPath, String data, Instant at) {

    boolean isPlaceholder() {
        return type == null;
    }

    /** Inside the subtree whose path is {@code pathPrefix} (a materialised path, ending in '/'). */
    boolean within(String pathPrefix) {
        return organisationPath != null && organisationPath.startsWith(pathPrefix);
    }
}
