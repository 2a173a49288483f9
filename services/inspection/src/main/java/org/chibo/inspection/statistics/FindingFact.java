package org.chibo.inspection.statistics;

import java.time.LocalDate;

import org.chibo.inspection.finding.FindingStatus;
import org.chibo.inspection.rules.Severity;

/** What the statistics and the plans need of one finding: which rule, how serious, where, when, and where it stands. */
public record FindingFact(String ruleId, Severity severity, String branchId, String organisationPath, LocalDate occurredOn,
                          FindingStatus status) {

    /** A dismissed finding was judged not to be a breach: it counts for nothing. */
    public boolean counts() {
        return status != FindingStatus.DISMISSED;
    }
}
