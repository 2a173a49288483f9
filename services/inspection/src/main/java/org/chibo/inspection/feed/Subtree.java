package org.chibo.inspection.feed;

/**
 * The part of the organisation tree a reader may watch: an organisation and, below it, everything whose materialised
 * path starts with its {@code path}. Today named by the request ({@link SubtreeResolver}); with identity, the token's.
 */
record Subtree(String organisationId, String path) {
}
