package org.chibo.contracts.membership;

import java.time.LocalDate;

/** An empty unit was dissolved (giải thể) (chibo.membership.organisation-dissolved.v1). Keyed by organisation id. */
public record OrganisationDissolved(String organisationId, LocalDate dissolvedOn, String decisionRef) {
}
