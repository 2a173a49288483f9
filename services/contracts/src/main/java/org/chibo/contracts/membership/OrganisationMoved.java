package org.chibo.contracts.membership;

/**
 * A unit moved under another parent, with its whole subtree (chibo.membership.organisation-moved.v1). Keyed by
 * organisation id. Every path that started with {@code previousPath} now starts with {@code path} instead: a
 * consumer holding organisation paths rewrites that prefix.
 */
public record OrganisationMoved(String organisationId, String previousParentId, String parentId, String previousPath,
                                String path) {
}
