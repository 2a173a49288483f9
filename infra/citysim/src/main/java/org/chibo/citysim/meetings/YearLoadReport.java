package org.chibo.citysim.meetings;

import java.time.Duration;

/**
 * What a load of the year did.
 *
 * @param unknownBranches  branches the platform has no unit for (their meetings are not sent)
 * @param unknownMembers   members of the year the platform's search did not return
 * @param lookups          requests spent finding ids
 * @param recorded         meetings answered 201
 * @param alreadyRecorded  meetings answered 409 on their reference: recorded by an earlier run
 * @param conflicts        other 409s (e.g. a second regular meeting in a month)
 * @param rejected         other 4xx answers
 * @param failed           requests that failed for good (connection, timeout or 5xx after every retry)
 * @param notSent          meetings not sent because an id was unknown
 * @param abandoned        the load stopped early: most requests were failing
 * @param duesSheets       collection sheets answered (sent, or skipped with nothing paid)
 * @param duesRecorded     payments the sheets recorded
 * @param duesUnchanged    payments an earlier run's sheets had recorded
 * @param duesRefused      rows refused, sheets refused and sheets not sent (unknown ids)
 * @param duesFailed       sheets that failed for good
 */
public record YearLoadReport(int branches, int unknownBranches, int members, int unknownMembers, long lookups,
                             Duration lookupTime, int exemptions, int exemptionsRegistered, int exemptionsRefused,
                             int meetings, int recorded, int alreadyRecorded, int conflicts, int rejected, int failed,
                             int notSent, boolean abandoned, Duration elapsed, int duesSheets, int duesRecorded,
                             int duesUnchanged, int duesRefused, int duesFailed) {

    /** Every meeting and payment of the year is in the platform (now or from an earlier run) and nothing was refused. */
    public boolean ok() {
        return !abandoned && unknownBranches == 0 && unknownMembers == 0 && exemptionsRefused == 0 && conflicts == 0 && rejected == 0
                && failed == 0 && notSent == 0 && recorded + alreadyRecorded == meetings
                && duesRefused == 0 && duesFailed == 0;
    }
}
