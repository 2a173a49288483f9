package org.chibo.inspection.feed;

import org.chibo.chassis.security.Caller;

/**
 * The part of the organisation tree a reader watches: whatever the reader's token covers (its organisation and
 * below), narrowed to an organisation inside it when the request names one ({@code path} then its materialised path;
 * null for the whole of the token's subtree). Checked on every entry, replayed or live, so a resume from any
 * {@code Last-Event-ID} sends nothing from outside.
 */
record Subtree(Caller watcher, String path) {

    boolean contains(FeedEntry entry) {
        return watcher.covers(entry.organisationPath()) && (path == null || entry.within(path));
    }
}
