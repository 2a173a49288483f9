package org.chibo.citysim.meetings;

import java.time.LocalDate;
import java.util.List;

/**
 * One branch's year: the exemptions to register first, the meetings it held in date order, its twelve collection
 * sheets of dues, and the findings an
 * inspection must raise for it (the anomalies injected into it, nothing else).
 *
 * @param degenerate the references of meetings whose rolls allow no vote that a reader of the reference-date status
 *                   would accept (too few official members that day, more by the reference date): only that reader
 *                   sees an R-G3 there, and nothing can be done about it (see {@link Headcount})
 * @param onlineFrom the day from which the branch is approved for online meetings (03-HD/TW), null when it holds none
 */
public record BranchYear(CityRolls.BranchRolls branch, List<Exemption> exemptions, List<GeneratedMeeting> meetings,
                         List<DuesSheet> dues, List<Finding> findings, List<String> degenerate, LocalDate onlineFrom) {

    public BranchYear {
        exemptions = List.copyOf(exemptions);
        meetings = List.copyOf(meetings);
        dues = List.copyOf(dues);
        findings = List.copyOf(findings);
        degenerate = List.copyOf(degenerate);
    }
}
