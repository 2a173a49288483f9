package org.chibo.citysim.meetings;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.chibo.citysim.BranchKind;

/**
 * Who is absent from a meeting. An ordinary meeting loses a few members (each about as likely as the branch's own
 * absence rate) but never so many that attendance falls under 90 % or the official members under 2/3; a
 * low-attendance meeting loses just over 10 % with the quorum still met; a below-quorum one loses more than a third
 * of its official members while those left can still carry the vote. Every plan is checked on its
 * {@link Headcount}; a target the branch's rolls cannot reach that day gives null and the meeting stays ordinary.
 */
final class AttendancePlanner {

    /** How many random plans to try for an anomaly before giving it up for this meeting. */
    private static final int ATTEMPTS = 40;
    /** Chance that an absentee gave no reason: low at an ordinary meeting, higher when many stayed away. */
    static final double UNEXCUSED_ORDINARY = 0.08;
    static final double UNEXCUSED_LOW = 0.2;

    private final BranchKind kind;
    private final double absenceRate;

    AttendancePlanner(BranchKind kind, double absenceRate) {
        this.kind = kind;
        this.absenceRate = absenceRate;
    }

    /**
     * An ordinary meeting with {@code forced} absent (absence streaks). Extra absentees are dropped again until the
     * headcount is clean; null only if the forced absences alone break it.
     */
    Set<String> ordinary(Roster.Day day, Set<String> forced, SplittableRandom random) {
        List<Roster.Entry> expected = shuffled(day.expected(), random);
        int cap = expected.size() / 10;
        List<String> extra = new ArrayList<>();
        for (Roster.Entry e : expected) {
            boolean away = random.nextDouble() < absenceRate;
            if (away && !forced.contains(e.card()) && forced.size() + extra.size() < cap) {
                extra.add(e.card());
            }
        }
        while (true) {
            Set<String> absent = new LinkedHashSet<>(forced);
            absent.addAll(extra);
            if (ordinaryHeadcount(Headcount.of(day, absent))) {
                return absent;
            }
            if (extra.isEmpty()) {
                return null;
            }
            extra.removeLast();
        }
    }

    static boolean ordinaryHeadcount(Headcount h) {
        return h.meetsTarget() && h.clearOfQuorum() && h.voteCanCarry() && h.canHoldMinutes();
    }

    /** R-G2 only: attendance under 90 %, the quorum clearly met and the vote carried. */
    Set<String> lowAttendance(Roster.Day day, SplittableRandom random) {
        List<Roster.Entry> expected = day.expected();
        int n = expected.size();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int absentees = n / 10 + 1 + (attempt < ATTEMPTS / 2 ? random.nextInt(3) : 0);
            if (absentees > n - 2) {
                continue;
            }
            Set<String> absent = new LinkedHashSet<>();
            for (Roster.Entry e : shuffled(expected, random).subList(0, absentees)) {
                absent.add(e.card());
            }
            Headcount h = Headcount.of(day, absent);
            if (!h.meetsTarget() && h.clearOfQuorum() && h.voteCanCarry() && h.canHoldMinutes()) {
                return absent;
            }
        }
        return null;
    }

    /** R-G1 and R-G2: under 2/3 of the official members present, yet more than half of them, so the vote carries. */
    Set<String> belowQuorum(Roster.Day day, SplittableRandom random) {
        List<Roster.Entry> officials = day.expected().stream().filter(Roster.Entry::official).toList();
        List<Roster.Entry> others = day.expected().stream().filter(e -> !e.official()).toList();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int officialsAway = officials.size() / 3 + 1 + random.nextInt(2);
            if (officialsAway >= officials.size()) {
                continue;
            }
            Set<String> absent = new LinkedHashSet<>();
            for (Roster.Entry e : shuffled(officials, random).subList(0, officialsAway)) {
                absent.add(e.card());
            }
            for (Roster.Entry e : others) {
                if (random.nextDouble() < 0.3) {
                    absent.add(e.card());
                }
            }
            Headcount h = Headcount.of(day, absent);
            if (h.belowQuorum() && !h.meetsTarget() && h.voteCanCarry() && h.canHoldMinutes()) {
                return absent;
            }
        }
        return null;
    }

    /**
     * The roster lines: exempt members excused with their exemption, absentees excused with a reason or (rarely, and
     * only within {@code ledger}'s budget) unexcused, {@code forced} ones always unexcused, everyone else present.
     */
    List<GeneratedMeeting.Attendee> attendees(Roster.Day day, Set<String> absent, Set<String> forced,
                                              Set<String> streakMembers, double unexcusedChance, UnexcusedLedger ledger,
                                              Map<String, Exemption> exemptions, SplittableRandom random) {
        int month = day.day().getMonthValue();
        List<GeneratedMeeting.Attendee> lines = new ArrayList<>(day.entries().size());
        for (Roster.Entry e : day.entries()) {
            String status = e.official() ? "OFFICIAL" : "PROBATIONARY";
            double draw = random.nextDouble();
            if (e.exempt()) {
                lines.add(new GeneratedMeeting.Attendee(e.card(), status, true, GeneratedMeeting.Presence.ABSENT_EXCUSED,
                        MeetingTexts.exemptReason(exemptions.get(e.card()))));
            } else if (forced.contains(e.card())) {
                lines.add(new GeneratedMeeting.Attendee(e.card(), status, false, GeneratedMeeting.Presence.ABSENT_UNEXCUSED, null));
                ledger.record(e.card(), month);
            } else if (!absent.contains(e.card())) {
                lines.add(new GeneratedMeeting.Attendee(e.card(), status, false, GeneratedMeeting.Presence.PRESENT, null));
            } else if (draw < unexcusedChance && !streakMembers.contains(e.card()) && ledger.allows(e.card(), month)) {
                lines.add(new GeneratedMeeting.Attendee(e.card(), status, false, GeneratedMeeting.Presence.ABSENT_UNEXCUSED, null));
                ledger.record(e.card(), month);
            } else {
                int age = Period.between(e.member().birthDate(), day.day()).getYears();
                lines.add(new GeneratedMeeting.Attendee(e.card(), status, false, GeneratedMeeting.Presence.ABSENT_EXCUSED,
                        MeetingTexts.absenceReason(kind, age, random)));
            }
        }
        return lines;
    }

    private static List<Roster.Entry> shuffled(List<Roster.Entry> entries, SplittableRandom random) {
        List<Roster.Entry> copy = new ArrayList<>(entries);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Roster.Entry t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }
}
