package org.chibo.evaluation.record;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chibo.evaluation.rating.BranchYear;
import org.chibo.evaluation.rating.PeriodsHeld;
import org.chibo.evaluation.rating.RatingThresholds;
import org.chibo.evaluation.rating.Turnout;

/**
 * A branch's year as recorded: its meetings (by id) and its findings (by id). Every figure of the branch and of its
 * members is derived from these two maps, so the same events in any order, any number of times, give the same figures.
 */
public record BranchRecord(String branchId, int year, Map<String, MeetingEntry> meetings, Map<String, FindingEntry> findings) {

    /** Takes a meeting's record unless a newer revision of it is held; says whether anything changed. */
    public boolean record(String meetingId, MeetingEntry entry) {
        MeetingEntry held = meetings.get(meetingId);
        if (held != null && held.revision() >= entry.revision()) {
            return false;
        }
        meetings.put(meetingId, entry);
        return true;
    }

    /** Takes a finding's status unless a later one is held; says whether anything changed. */
    public boolean follow(String findingId, FindingEntry entry) {
        FindingEntry held = findings.get(findingId);
        FindingEntry latest = entry.latest(held);
        if (latest.equals(held)) {
            return false;
        }
        findings.put(findingId, latest);
        return true;
    }

    public Turnout turnout() {
        long present = 0;
        long expected = 0;
        for (MeetingEntry m : meetings.values()) {
            present += m.count(MeetingEntry.PRESENT);
            expected += m.expected();
        }
        return new Turnout(present, expected);
    }

    public int openFindings() {
        return (int) findings.values().stream().filter(FindingEntry::open).count();
    }

    public List<String> openSeriousFindingIds(RatingThresholds t) {
        return findings.entrySet().stream().filter(e -> e.getValue().open() && t.serious(e.getValue().severity()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The figures against every month and quarter of the year (the close). */
    public BranchYear wholeYear(RatingThresholds t, List<String> disciplinedMemberIds) {
        return figures(t, Periods.monthsOf(year, 12), Periods.quartersOf(year, 4), disciplinedMemberIds);
    }

    /**
     * The figures so far: the months up to the latest one a meeting of the year was held in, and the quarters that
     * ended by then. Clock-free, so replaying the same events gives the same provisional rating.
     */
    public BranchYear soFar(RatingThresholds t) {
        int lastMonth = meetings.values().stream().filter(m -> m.heldOn().getYear() == year)
                .mapToInt(m -> m.heldOn().getMonthValue()).max().orElse(0);
        return figures(t, Periods.monthsOf(year, lastMonth), Periods.quartersOf(year, lastMonth / 3), List.of());
    }

    private BranchYear figures(RatingThresholds t, List<String> months, List<String> quarters, List<String> disciplined) {
        Set<String> held = new HashSet<>();
        Set<String> onTime = new HashSet<>();
        for (MeetingEntry m : meetings.values()) {
            if (m.fulfils() != null) {
                held.add(m.fulfils());
                if (m.onTime(t.closingDays())) {
                    onTime.add(m.fulfils());
                }
            }
        }
        return new BranchYear(branchId, year, meetings.size(), turnout(),
                new PeriodsHeld(months, held, onTime), new PeriodsHeld(quarters, held, onTime),
                openFindings(), openSeriousFindingIds(t), disciplined);
    }

    /** Adds this branch's part of each member's year: attendance, tasks and the serious findings naming them. */
    public void tally(Map<String, MemberTally> members, RatingThresholds t) {
        meetings.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            MeetingEntry m = e.getValue();
            m.attendance().forEach((memberId, code) -> members.computeIfAbsent(memberId, MemberTally::new)
                    .attended(code, e.getKey(), m.heldOn()));
            m.tasks().forEach((memberId, n) -> members.computeIfAbsent(memberId, MemberTally::new).tasks(n));
        });
        findings.forEach((id, f) -> {
            if (f.open() && t.serious(f.severity())) {
                f.memberIds().forEach(memberId -> members.computeIfAbsent(memberId, MemberTally::new).openSerious(id));
            }
        });
    }

    /** How many roster lines of the year carry {@code code} (e.g. unexcused absences). */
    public long attendances(String code) {
        return meetings.values().stream().mapToLong(m -> m.count(code)).sum();
    }

    public long tasksAssigned() {
        return meetings.values().stream().flatMap(m -> m.tasks().values().stream()).mapToLong(Integer::intValue).sum();
    }
}
