package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A unit is being merged (sáp nhập) into another of its kind (chibo.membership.organisation-merged.v1): its units and
 * members move to {@code intoId} (their own organisation-moved and member-reassigned events follow), then it is
 * dissolved (organisation-dissolved). Keyed by the merged unit's id.
 */
public record OrganisationMerged(String organisationId, String intoId, LocalDate mergedOn, String decisionRef) {
}
