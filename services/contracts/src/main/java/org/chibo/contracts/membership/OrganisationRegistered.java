package org.chibo.contracts.membership;

import java.time.Instant;

/**
 * A unit joined the organisation tree (chibo.membership.organisation-registered.v1).
 *
 * @param kind  one of CITY_COMMITTEE, DIRECT_COMMITTEE, GRASSROOTS_COMMITTEE, GRASSROOTS_BRANCH,
 *              PARTIAL_COMMITTEE, BRANCH, CELL
 * @param path  materialised path of ids from the root, e.g. {@code /hp/lc/lc-w3/}; ends with this unit's id
 * @param code  the unit's stable external code (e.g. {@code HP.D01.G001.B001}); optional, added in v1 before release
 * @param branchKind for branches, RESIDENTIAL_GROUP, VILLAGE, AGENCY, ENTERPRISE, SCHOOL, HEALTH, ARMED_FORCES,
 *              POLICE or RETIREES; otherwise null
 * @param meetingDay the branch's fixed monthly meeting day (1-28), or null
 */
public record OrganisationRegistered(
        String organisationId,
        String parentId,
        String kind,
        String name,
        String path,
        Instant registeredAt,
        String code,
        String branchKind,
        Integer meetingDay) {
}
