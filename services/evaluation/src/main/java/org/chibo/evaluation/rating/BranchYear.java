package org.chibo.evaluation.rating;

import java.util.List;

/**
 * What the year's record says about a branch.
 *
 * @param regular               months and their regular meetings of the whole branch
 * @param thematic              quarters and their thematic meetings
 * @param openFindings          findings of any severity still open at the close
 * @param openSeriousFindingIds serious findings still open at the close
 * @param disciplinedMemberIds  members disciplined in the year while on this branch's rolls
 */
public record BranchYear(String branchId, int year, int meetingsRecorded, Turnout turnout, PeriodsHeld regular,
                         PeriodsHeld thematic, int openFindings, List<String> openSeriousFindingIds,
                         List<String> disciplinedMemberIds) {

    public BranchYear {
        openSeriousFindingIds = List.copyOf(openSeriousFindingIds);
        disciplinedMemberIds = List.copyOf(disciplinedMemberIds);
    }
}
