package org.chibo.citysim.meetings;

import java.util.List;

/**
 * One branch's year: the exemptions to register first, the meetings it held in date order, its twelve collection
 * sheets of dues, and the findings an
 * inspection must raise for it (the anomalies injected into it, nothing else).
 *
 * @param degenerate the references of meetings whose rolls allow no vote that a reader of the reference-date status
 *                   would accept (too few official members that day, more by the reference date): only that reader
 *                   sees an R-G3 there, and nothing can be done about it (see {@link Headcount})
 */
public record BranchYear(CityRolls.BranchRolls branch, List<Exemption> exemptions, List<GeneratedMeeting> meetings,
                         List<DuesSheet> dues, List<Finding> findings, List<String> degenerate) {

    public BranchYear {
        exemptions = List.copyOf(exemptions);
        meetings = List.copyOf(meetings);
        dues = List.copyOf(dues);
        findings = List.copyOf(findings);
        degenerate = List.copyOf(degenerate);
    }
}
