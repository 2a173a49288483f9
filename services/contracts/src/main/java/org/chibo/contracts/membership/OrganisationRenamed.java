package org.chibo.contracts.membership;

/** A unit's name changed (chibo.membership.organisation-renamed.v1). Keyed by organisation id. */
public record OrganisationRenamed(String organisationId, String name, String previousName) {
}
