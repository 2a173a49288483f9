package org.chibo.contracts.membership;

import java.time.Instant;

/**
 * A unit joined the organisation tree (chibo.membership.organisation-registered.v1).
 *
 * @param kind  one of CITY_COMMITTEE, DIRECT_COMMITTEE, GRASSROOTS_COMMITTEE, GRASSROOTS_BRANCH,
 *              PARTIAL_COMMITTEE, BRANCH, CELL
 * @param path  materialised path of ids from the root, e.g. {@code /hp/lc/lc-w3/}; ends with this unit's id
 */
public record OrganisationRegistered(
        String organisationId,
        String parentId,
        String kind,
        String name,
        String path,
        Instant registeredAt) {
}
