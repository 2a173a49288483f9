package org.chibo.inspection.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * R-M2: a member's dues unpaid in {@code months} months of one year without reason (Charter art. 8). A month is owed
 * when the member was on a branch's rolls on any day of it (the month of admission included, in transit not) and was
 * not exempt from activity (miễn sinh hoạt) on any day of it: an exemption is the reason the rule admits. A month is
 * paid when its payments add up to its due ({@code monthDue} of its latest payment): a partial payment leaves it in
 * arrears, as membership's statement counts it. Only months up to the last closed month are judged, so a month whose
 * dues are still being collected is not in arrears yet; and only months from the first one the member's branch kept
 * dues for in the platform (a branch that keeps them on paper, or a city onboarded mid-year, would otherwise have every
 * member in arrears). Plain Java: the member's year in, the months unpaid out.
 */
public final class DuesArrears {

    public static final Rule RULE = new Rule("R-M2", 1, Severity.HIGH,
            "Điều lệ Đảng, điều 8 (không đóng đảng phí ba tháng trong năm không có lý do chính đáng)");

    private DuesArrears() {
    }

    /**
     * A step on or off a branch's rolls.
     *
     * @param rank     orders steps of the same day: admitted, transferred out, received, reassigned, left
     * @param branchId the branch the member is on from {@code on}; null when off every branch's rolls from then
     */
    public record RollStep(LocalDate on, int rank, String branchId) {
    }

    /** An exemption from activity; {@code until} null for an open-ended one. */
    public record Exemption(LocalDate from, LocalDate until) {
        boolean overlaps(YearMonth month) {
            return !from.isAfter(month.atEndOfMonth()) && (until == null || !until.isBefore(month.atDay(1)));
        }
    }

    /** A payment for {@code month}, as {@code dues-paid} told it. */
    public record Payment(String id, YearMonth month, long amount, long monthDue, LocalDate paidOn) {
        public Payment withId(String other) {
            return new Payment(other, month, amount, monthDue, paidOn);
        }
    }

    /** A member's dues as inspection knows them, across years. */
    public record MemberDues(List<RollStep> steps, List<Exemption> exemptions, List<Payment> payments) {
        public MemberDues {
            steps = steps.stream().sorted(Comparator.comparing(RollStep::on).thenComparing(RollStep::rank)).toList();
            exemptions = List.copyOf(exemptions);
            payments = List.copyOf(payments);
        }
    }

    /**
     * The months of {@code year} up to {@code through} the member owed and has not paid, in order.
     *
     * @param keptFrom the first month a branch recorded dues for in the platform, by branch id (absent: none yet)
     */
    public static List<YearMonth> unpaid(MemberDues dues, int year, YearMonth through, Map<String, YearMonth> keptFrom) {
        List<YearMonth> unpaid = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (month.isAfter(through)) {
                break;
            }
            YearMonth kept = branchOf(dues, month).map(keptFrom::get).orElse(null);
            if (kept != null && !month.isBefore(kept) && owed(dues, month) && !paid(dues.payments(), month)) {
                unpaid.add(month);
            }
        }
        return unpaid;
    }

    /** On a branch's rolls on some day of the month, and exempt on none. */
    static boolean owed(MemberDues dues, YearMonth month) {
        return onRollsDuring(dues.steps(), month) && dues.exemptions().stream().noneMatch(e -> e.overlaps(month));
    }

    static boolean onRollsDuring(List<RollStep> steps, YearMonth month) {
        if (branchOn(steps, month.atDay(1)) != null) {
            return true;
        }
        return steps.stream().anyMatch(s -> s.branchId() != null && !s.on().isBefore(month.atDay(1))
                && !s.on().isAfter(month.atEndOfMonth()));
    }

    /** The branch whose rolls the member is on at the end of {@code day}; null when on none. */
    static String branchOn(List<RollStep> steps, LocalDate day) {
        String branch = null;
        for (RollStep s : steps) {
            if (s.on().isAfter(day)) {
                break;
            }
            branch = s.branchId();
        }
        return branch;
    }

    /** The last branch the member was on by the end of {@code month}: where a finding about it is filed. */
    public static Optional<String> branchOf(MemberDues dues, YearMonth month) {
        String branch = null;
        for (RollStep s : dues.steps()) {
            if (s.on().isAfter(month.atEndOfMonth())) {
                break;
            }
            branch = s.branchId() != null ? s.branchId() : branch;
        }
        return Optional.ofNullable(branch);
    }

    static boolean paid(List<Payment> payments, YearMonth month) {
        List<Payment> forMonth = payments.stream().filter(p -> p.month().equals(month)).toList();
        if (forMonth.isEmpty()) {
            return false;
        }
        long due = forMonth.stream().max(Comparator.comparing(Payment::paidOn).thenComparing(Payment::monthDue)).orElseThrow().monthDue();
        return forMonth.stream().mapToLong(Payment::amount).sum() >= due;
    }

    /** The unpaid month with which the count reached {@code months}; empty while it has not. */
    public static Optional<YearMonth> reachedWith(List<YearMonth> unpaid, int months) {
        return unpaid.size() >= months ? Optional.of(unpaid.get(months - 1)) : Optional.empty();
    }

    /** The figures of an R-M2 finding: every month of the year unpaid so far, and the threshold. */
    public static Breach breach(String memberId, int year, List<YearMonth> unpaid, int months) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("year", year);
        evidence.put("months", unpaid.stream().map(YearMonth::toString).toList());
        evidence.put("monthCount", unpaid.size());
        evidence.put("threshold", months);
        return new Breach("dues unpaid in %d months of %d without reason (threshold %d)".formatted(unpaid.size(), year, months),
                List.of(memberId), evidence);
    }
}
