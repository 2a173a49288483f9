package org.chibo.evaluation.scorecard;

import java.util.List;

import org.chibo.evaluation.rating.BranchYear;
import org.chibo.evaluation.rating.RatingThresholds;
import org.chibo.evaluation.record.BranchRecord;
import org.chibo.evaluation.record.MeetingEntry;

/**
 * A committee's year (đảng bộ cơ sở, đảng bộ trực thuộc): its branches' scorecards added up. Periods are counted as
 * branch-months and branch-quarters against 12 and 4 per branch.
 */
public record RollUp(String organisationId, String name, String kind, int year, int branches, int branchesWithRecords,
                     int meetingsRecorded, int regularMonthsRequired, int regularMonthsHeld, int regularMonthsOnTime,
                     int thematicQuartersRequired, int thematicQuartersHeld, int thematicQuartersOnTime, long present,
                     long expected, double attendanceRate, long excusedAbsences, long unexcusedAbsences, long tasksAssigned,
                     int openFindings, int resolvedFindings, int openSeriousFindings) {

    static RollUp of(String organisationId, String name, String kind, int year, int branches, List<BranchRecord> records,
                     RatingThresholds t) {
        int meetings = 0, held = 0, onTime = 0, qHeld = 0, qOnTime = 0, open = 0, resolved = 0, serious = 0;
        long present = 0, expected = 0, excused = 0, unexcused = 0, tasks = 0;
        for (BranchRecord r : records) {
            BranchYear y = r.wholeYear(t, List.of());
            meetings += y.meetingsRecorded();
            held += y.regular().heldCount();
            onTime += y.regular().onTimeCount();
            qHeld += y.thematic().heldCount();
            qOnTime += y.thematic().onTimeCount();
            present += y.turnout().present();
            expected += y.turnout().expected();
            excused += r.attendances(MeetingEntry.EXCUSED);
            unexcused += r.attendances(MeetingEntry.UNEXCUSED);
            tasks += r.tasksAssigned();
            open += y.openFindings();
            resolved += r.findings().size() - y.openFindings();
            serious += y.openSeriousFindingIds().size();
        }
        return new RollUp(organisationId, name, kind, year, branches, records.size(), meetings, 12 * branches, held, onTime,
                4 * branches, qHeld, qOnTime, present, expected, expected == 0 ? 1.0 : (double) present / expected, excused,
                unexcused, tasks, open, resolved, serious);
    }
}
