package org.chibo.citysim.meetings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.chibo.citysim.Member;

/**
 * Picks the members who stay away without reason in three (sometimes four) distinct months (R-M1, and so R-M3),
 * and the regular meetings they miss: ordinary meetings only, each still clean with them absent. Sometimes the member
 * also skips that month's thematic meeting, which is one more absence but not one more month.
 */
final class StreakPlanner {

    /** One injected streak: the member, the months missed (ascending) and how many meetings that was. */
    record Streak(Member member, List<Integer> months, int absences) {
    }

    private final int year;
    private final double share;

    StreakPlanner(int year, double share) {
        this.year = year;
        this.share = share;
    }

    /**
     * @param held    the meetings the branch holds, in date order
     * @param planned each one's planned anomaly (null: none)
     * @param forced  filled in: per meeting, the cards absent without reason because of a streak
     */
    List<Streak> plan(List<Member> members, Committee committee, Roster roster, List<MeetingCalendar.Slot> held,
                      List<Anomaly> planned, List<Roster.Day> days, List<Set<String>> forced, SplittableRandom random) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        List<Streak> streaks = new ArrayList<>();
        for (Member m : members) {
            double chance = random.nextDouble();
            int wanted = random.nextInt(100) < 85 ? 3 : 4;
            boolean thematicToo = random.nextInt(10) < 3;
            long pick = random.nextLong();
            if (chance >= share || !m.admittedOn().isBefore(jan1) || roster.everExempt(m.cardNumber())
                    || committee.includes(m.cardNumber())) {
                continue;
            }
            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                if (held.get(i).type() == MeetingType.REGULAR && canMiss(m, i, planned, days, forced)) {
                    eligible.add(i);
                }
            }
            if (eligible.size() < wanted) {
                continue;
            }
            SplittableRandom order = new SplittableRandom(pick);
            List<Integer> chosen = new ArrayList<>();
            while (chosen.size() < wanted) {
                chosen.add(eligible.remove(order.nextInt(eligible.size())));
            }
            chosen.sort(null);
            int absences = wanted;
            for (int i : chosen) {
                forced.get(i).add(m.cardNumber());
            }
            if (thematicToo) {
                Set<Integer> months = new HashSet<>();
                chosen.forEach(i -> months.add(held.get(i).month()));
                for (int j = 0; j < held.size(); j++) {
                    if (held.get(j).type() == MeetingType.THEMATIC && months.contains(held.get(j).month())
                            && canMiss(m, j, planned, days, forced)) {
                        forced.get(j).add(m.cardNumber());
                        absences++;
                        break;
                    }
                }
            }
            streaks.add(new Streak(m, chosen.stream().map(i -> held.get(i).month()).toList(), absences));
        }
        return streaks;
    }

    /**
     * An ordinary meeting (or one whose anomaly is not about attendance or the vote) that stays clean with this
     * member absent on top of those already missing it.
     */
    private static boolean canMiss(Member m, int i, List<Anomaly> planned, List<Roster.Day> days, List<Set<String>> forced) {
        Anomaly a = planned.get(i);
        if (a == Anomaly.LOW_ATTENDANCE || a == Anomaly.BELOW_QUORUM || a == Anomaly.WRONG_VOTE) {
            return false;
        }
        Set<String> absent = new HashSet<>(forced.get(i));
        absent.add(m.cardNumber());
        return AttendancePlanner.ordinaryHeadcount(Headcount.of(days.get(i), absent));
    }

    static Map<String, Object> figures(Streak s, int year) {
        List<String> months = s.months().stream().map(month -> YearMonth.of(year, month).toString()).toList();
        return Finding.figures("months", months, "absences", s.absences());
    }
}
