package org.chibo.inspection.finding;

import java.time.LocalDate;

import org.chibo.inspection.rules.Breach;
import org.chibo.inspection.rules.Rule;

/**
 * A breach about to become a finding, with what it is about.
 *
 * @param id         the finding's derived id, e.g. {@code R-G1:<meetingId>} or {@code R-P1:<branchId>:<period>}
 * @param meetingId  null for calendar and member rules
 * @param occurredOn the meeting's date, or the last day of the period, or the day a member's threshold was reached
 */
public record NewFinding(Rule rule, String id, String branchId, String organisationPath, String meetingId,
                         LocalDate occurredOn, Breach breach) {
}
