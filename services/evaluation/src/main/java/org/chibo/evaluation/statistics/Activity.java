package org.chibo.evaluation.statistics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chibo.evaluation.rating.BranchYear;
import org.chibo.evaluation.rating.RatingThresholds;
import org.chibo.evaluation.record.BranchRecord;
import org.chibo.evaluation.record.MeetingEntry;

/**
 * The reporting figures units quote (domain.md, last section) for a set of branches and a year, from their records:
 * branches holding the monthly meeting every month, monthly and quarterly periods held, meetings following the full
 * procedure, attendance, and members given tasks by a resolution.
 */
public final class Activity {

    /** What is reported. Shares are of the branches, periods, meetings and members counted; 0 when there are none. */
    public record Figures(int branches, int branchesMeetingEveryMonth, double shareMeetingEveryMonth, double regularMonthsHeldShare,
                          double thematicQuartersHeldShare, long meetings, double fullProcedureShare, long present, long expected,
                          double attendanceRate, int membersOnRosters, int membersGivenTasks, double membersGivenTasksShare) {
    }

    private int branches;
    private int everyMonth;
    private long monthsHeld;
    private long quartersHeld;
    private long meetings;
    private long fullProcedure;
    private long present;
    private long expected;
    private final Set<String> onRosters = new HashSet<>();
    private final Set<String> givenTasks = new HashSet<>();

    /** Adds one branch's year (an empty record for a branch that recorded nothing). */
    public void add(BranchRecord record, RatingThresholds t) {
        BranchYear y = record.wholeYear(t, List.of());
        branches++;
        monthsHeld += y.regular().heldCount();
        quartersHeld += y.thematic().heldCount();
        if (y.regular().missing().isEmpty()) {
            everyMonth++;
        }
        present += y.turnout().present();
        expected += y.turnout().expected();
        for (MeetingEntry m : record.meetings().values()) {
            meetings++;
            if (m.fullProcedure()) {
                fullProcedure++;
            }
            m.attendance().forEach((member, code) -> {
                if (!MeetingEntry.EXEMPT.equals(code)) {
                    onRosters.add(member);
                }
            });
            givenTasks.addAll(m.tasks().keySet());
        }
    }

    public Figures figures() {
        return new Figures(branches, everyMonth, share(everyMonth, branches), share(monthsHeld, 12L * branches),
                share(quartersHeld, 4L * branches), meetings, share(fullProcedure, meetings), present, expected,
                expected == 0 ? 0 : (double) present / expected, onRosters.size(), givenTasks.size(),
                share(givenTasks.size(), onRosters.size()));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
