package org.chibo.citysim.meetings;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.chibo.citysim.Member;

/**
 * Picks the members a branch exempts from activity (miễn sinh hoạt): mostly the very old, for good (from some day
 * before or during the year), and a few ill members for some months of it. Only official members are exempted, and
 * a branch always keeps most of its official members active, so the exemptions never leave it unable to meet.
 */
final class ExemptionPlanner {

    static final String OLD_AGE = "tuổi cao, sức khỏe yếu";
    static final String ILLNESS = "ốm đau, điều trị bệnh dài ngày";
    /** Chances by age on 1 January of the year; about 1.5 % of all members come out exempt. */
    static final double OVER_80 = 0.20;
    static final double OVER_75 = 0.05;
    static final double ILL = 0.0015;
    /** At least this share of the branch's official members stays active all year, and never fewer than this many. */
    static final double ACTIVE_SHARE = 0.6;
    static final int MIN_ACTIVE_OFFICIALS = 4;

    private final int year;

    ExemptionPlanner(int year) {
        this.year = year;
    }

    List<Exemption> plan(CityRolls.BranchRolls branch, SplittableRandom random) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        List<Member> officials = branch.members().stream().filter(m -> officialBy(m, jan1)).toList();
        int mayExempt = officials.size() - Math.max(MIN_ACTIVE_OFFICIALS, (int) Math.ceil(ACTIVE_SHARE * officials.size()));
        List<Exemption> exemptions = new ArrayList<>();
        for (Member m : officials) {
            // draw for everyone, in roll order, so one member's draw never depends on another's outcome
            double chance = random.nextDouble();
            double when = random.nextDouble();
            long offset = random.nextLong(1 << 30);
            if (exemptions.size() >= mayExempt) {
                continue;
            }
            int age = Period.between(m.birthDate(), jan1).getYears();
            if (age >= 80 && chance < OVER_80 || age >= 75 && chance < OVER_75) {
                exemptions.add(old(branch.code(), m, when, offset));
            } else if (chance > 1 - ILL) {
                exemptions.add(ill(branch.code(), m, offset));
            }
        }
        return exemptions;
    }

    /** For good: 70 % decided in one of the four years before, the rest during this one. */
    private Exemption old(String branchCode, Member m, double when, long offset) {
        LocalDate from;
        if (when < 0.7) {
            LocalDate earliest = later(m.recognisedOn().plusDays(1), LocalDate.of(year - 4, 1, 1));
            from = dayIn(earliest, LocalDate.of(year - 1, 12, 31), offset);
        } else {
            from = dayIn(LocalDate.of(year, 2, 1), LocalDate.of(year, 11, 30), offset);
        }
        return new Exemption(branchCode, m.cardNumber(), OLD_AGE, from, null);
    }

    /** Two to five months of treatment, starting and ending within the year. */
    private Exemption ill(String branchCode, Member m, long offset) {
        LocalDate from = dayIn(LocalDate.of(year, 1, 15), LocalDate.of(year, 9, 30), offset);
        LocalDate until = from.plusDays(60 + offset % 91);
        return new Exemption(branchCode, m.cardNumber(), ILLNESS, from, until);
    }

    static boolean officialBy(Member m, LocalDate day) {
        return m.recognisedOn() != null && !m.recognisedOn().isAfter(day);
    }

    private static LocalDate dayIn(LocalDate first, LocalDate last, long offset) {
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        return days <= 0 ? first : first.plusDays(offset % days);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
