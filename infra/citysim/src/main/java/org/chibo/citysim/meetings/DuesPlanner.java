package org.chibo.citysim.meetings;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.chibo.citysim.BranchKind;
import org.chibo.citysim.Member;

/**
 * A branch's year of dues (đảng phí, Quy định 01-QĐ/TW): each member's basis and the twelve collection sheets. Every
 * member on the rolls pays each month in full, collected around the monthly meeting, except: a month an exemption
 * (miễn sinh hoạt) touches is not paid — with reason; the members in arrears (R-M2, and R-M3) leave three (sometimes
 * four or five) months unpaid, one of three sometimes paid only in half; and two kinds of near miss that are no
 * finding: two months unpaid, and three months paid late in one catch-up payment. Only members on the rolls all year,
 * never exempt and without an absence streak (R-M1) are drawn for these, so R-M3 has one cause.
 */
final class DuesPlanner {

    /** The amounts are those of membership's default dues table: 1 % of salary, 0.5 % of pension, 5,000 đ fixed. */
    static final String SALARIED = "SALARIED", PENSIONER = "PENSIONER", NO_SALARY = "NO_SALARY";
    static final long FIXED = 5_000;

    /** What a member is drawn for, besides paying every month. */
    enum Pattern { ORDINARY, ARREARS, TWO_MONTHS, CATCH_UP }

    /** A member in arrears: the months left unpaid (ascending). */
    record Arrears(Member member, List<Integer> months) {
    }

    /** The year's sheets and the members in arrears. */
    record Plan(List<DuesSheet> sheets, List<Arrears> arrears) {
    }

    private final int year;
    private final double share;

    DuesPlanner(int year, double share) {
        this.year = year;
        this.share = share;
    }

    Plan plan(CityRolls.BranchRolls branch, List<Exemption> exemptions, Set<String> streakMembers, SplittableRandom random) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        BranchKind kind = branch.unit().branchKind();
        Map<String, Exemption> exempt = new HashMap<>();
        exemptions.forEach(e -> exempt.put(e.cardNumber(), e));
        List<List<DuesSheet.Row>> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new ArrayList<>());
        }
        List<Arrears> arrears = new ArrayList<>();
        for (Member member : branch.members()) {
            // the same draws for everyone, in roll order: one member's outcome never shifts another's
            double pattern = random.nextDouble();
            double basisDraw = random.nextDouble();
            long income = 100_000L * (30 + random.nextInt(200));
            int extra = random.nextInt(10);
            boolean halfPaid = random.nextInt(4) == 0;
            long order = random.nextLong();
            int[] days = new int[12];
            for (int m = 0; m < 12; m++) {
                days[m] = 3 + random.nextInt(23);
            }
            if (!member.admittedOn().isBefore(jan1.plusYears(1))) {
                continue;
            }
            String category = category(member, kind, jan1, basisDraw);
            Long monthlyIncome = NO_SALARY.equals(category) ? null : PENSIONER.equals(category) ? income / 2 : income;
            long due = due(category, monthlyIncome);
            boolean eligible = member.admittedOn().isBefore(jan1) && !exempt.containsKey(member.cardNumber())
                    && !streakMembers.contains(member.cardNumber());
            Pattern p = !eligible ? Pattern.ORDINARY : pattern < share ? Pattern.ARREARS : pattern < 2 * share ? Pattern.TWO_MONTHS
                    : pattern < 3 * share ? Pattern.CATCH_UP : Pattern.ORDINARY;
            SplittableRandom pick = new SplittableRandom(order);
            TreeSet<Integer> unpaid = new TreeSet<>();
            int catchUpFrom = 0;
            switch (p) {
                case ARREARS -> unpaid.addAll(distinctMonths(extra < 7 ? 3 : extra < 9 ? 4 : 5, pick));
                case TWO_MONTHS -> unpaid.addAll(distinctMonths(2, pick));
                case CATCH_UP -> catchUpFrom = 1 + pick.nextInt(9);
                default -> {
                }
            }
            Integer partial = p == Pattern.ARREARS && unpaid.size() == 3 && halfPaid ? unpaid.first() : null;
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(year, m);
                if (member.admittedOn().isAfter(month.atEndOfMonth())) {
                    continue;
                }
                Exemption e = exempt.get(member.cardNumber());
                boolean excused = e != null && overlaps(e, month);
                LocalDate paidOn = month.atDay(Math.min(days[m - 1], month.lengthOfMonth()));
                if (!member.admittedOn().isBefore(month.atDay(1)) && paidOn.isBefore(member.admittedOn())) {
                    paidOn = member.admittedOn();
                }
                long amount = due;
                if (excused || unpaid.contains(m) && !Integer.valueOf(m).equals(partial)) {
                    amount = 0;
                    paidOn = null;
                } else if (Integer.valueOf(m).equals(partial)) {
                    amount = due / 2;
                } else if (catchUpFrom > 0 && m >= catchUpFrom && m < catchUpFrom + 3) {
                    YearMonth late = YearMonth.of(year, catchUpFrom + 3);
                    paidOn = late.atDay(Math.min(days[catchUpFrom + 2], late.lengthOfMonth()));
                }
                months.get(m - 1).add(new DuesSheet.Row(member.cardNumber(), category, monthlyIncome, due, amount, paidOn));
            }
            if (p == Pattern.ARREARS) {
                arrears.add(new Arrears(member, List.copyOf(unpaid)));
            }
        }
        List<DuesSheet> sheets = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            if (!months.get(m - 1).isEmpty()) {
                sheets.add(new DuesSheet(branch.code(), YearMonth.of(year, m), months.get(m - 1)));
            }
        }
        return new Plan(sheets, arrears);
    }

    /** Retired members of residential groups, villages and retirees' branches pay on their pension; the young or those without salary a fixed amount. */
    private static String category(Member m, BranchKind kind, LocalDate jan1, double draw) {
        int age = Period.between(m.birthDate(), jan1).getYears();
        boolean territorial = kind == BranchKind.RESIDENTIAL_GROUP || kind == BranchKind.VILLAGE || kind == BranchKind.RETIREES;
        if (territorial && age >= 60) {
            return PENSIONER;
        }
        if (age < 23 || territorial && draw < 0.3) {
            return NO_SALARY;
        }
        return SALARIED;
    }

    static long due(String category, Long monthlyIncome) {
        return switch (category) {
            case SALARIED -> monthlyIncome / 100;
            case PENSIONER -> monthlyIncome / 200;
            default -> FIXED;
        };
    }

    private static List<Integer> distinctMonths(int n, SplittableRandom pick) {
        List<Integer> all = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < n) {
            chosen.add(all.remove(pick.nextInt(all.size())));
        }
        return chosen;
    }

    static boolean overlaps(Exemption e, YearMonth month) {
        return !e.from().isAfter(month.atEndOfMonth()) && (e.until() == null || !e.until().isBefore(month.atDay(1)));
    }
}
