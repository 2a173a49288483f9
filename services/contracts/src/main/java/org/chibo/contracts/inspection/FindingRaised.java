package org.chibo.contracts.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rule was found broken (chibo.inspection.finding-raised.v1).
 *
 * @param severity  LOW, MEDIUM, HIGH or SERIOUS
 * @param meetingId the meeting that broke the rule, null for calendar and member rules
 * @param memberIds the members the finding concerns, empty when it concerns the branch
 * @param occurredOn the business date the finding is about (the meeting's date, or the last day of the period),
 *                   which decides the rating year it counts in
 * @param evidence  the figures the rule compared, by name (e.g. present, expected, rate, threshold)
 */
public record FindingRaised(
        String findingId,
        String ruleId,
        int ruleVersion,
        String severity,
        String legalBasis,
        String branchId,
        String organisationPath,
        String meetingId,
        LocalDate occurredOn,
        List<String> memberIds,
        Map<String, Object> evidence,
        String summary,
        Instant raisedAt) {
}
