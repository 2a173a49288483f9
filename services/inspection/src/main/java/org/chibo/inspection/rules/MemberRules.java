package org.chibo.inspection.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules about one member: unexcused absences (R-M1) and the removal they call for (R-M3), a probation without a
 * recognition decision (R-M4), a transfer not received (R-M5).
 */
public final class MemberRules {

    public static final Rule UNEXCUSED_ABSENCES = new Rule("R-M1", 1, Severity.HIGH,
            "Điều lệ Đảng, điều 8 (bỏ sinh hoạt đảng ba tháng trong năm không có lý do chính đáng)");
    public static final Rule CONSIDER_REMOVAL = new Rule("R-M3", 1, Severity.SERIOUS,
            "Điều lệ Đảng, điều 8 (chi bộ xem xét, đề nghị xóa tên)");
    public static final Rule RECOGNITION_OVERDUE = new Rule("R-M4", 1, Severity.HIGH,
            "Điều lệ Đảng, điều 5 (xét công nhận đảng viên chính thức khi hết 12 tháng dự bị)");
    public static final Rule TRANSFER_NOT_RECEIVED = new Rule("R-M5", 1, Severity.MEDIUM,
            "Quy định 24-QĐ/TW (xuất trình giấy giới thiệu sinh hoạt đảng trong thời hạn)");

    private MemberRules() {
    }

    /** One meeting a member missed without reason, and not exempt; any meeting type counts. */
    public record Absence(String meetingId, LocalDate on, String branchId, String organisationPath) {
    }

    /**
     * The absence with which a member's unexcused absences of one year first reached {@code months} distinct calendar
     * months, in the order the meetings were held; empty while they have not. Independent of the order the records
     * arrived in, so a replay finds the same day.
     */
    public static Optional<Absence> thresholdReachedBy(Collection<Absence> absences, int months) {
        Set<YearMonth> seen = new TreeSet<>();
        for (Absence a : absences.stream().sorted(Comparator.comparing(Absence::on).thenComparing(Absence::meetingId)).toList()) {
            seen.add(YearMonth.from(a.on()));
            if (seen.size() >= months) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The figures of an R-M1 finding: the months and meetings missed, and the threshold. */
    public static Breach unexcusedAbsences(String memberId, int year, Collection<Absence> absences, int months) {
        List<Absence> inOrder = absences.stream().sorted(Comparator.comparing(Absence::on).thenComparing(Absence::meetingId)).toList();
        List<String> monthsMissed = inOrder.stream().map(a -> YearMonth.from(a.on()).toString()).distinct().toList();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("year", year);
        evidence.put("months", monthsMissed);
        evidence.put("monthCount", monthsMissed.size());
        evidence.put("threshold", months);
        evidence.put("meetingIds", inOrder.stream().map(Absence::meetingId).toList());
        return new Breach("absent without reason from meetings in %d months of %d (threshold %d)".formatted(monthsMissed.size(), year, months),
                List.of(memberId), evidence);
    }

    /**
     * A rule that calls for removal (R-M1, R-M2) with the day it reached its threshold and the branch it was filed on.
     */
    public record RemovalGround(String ruleId, LocalDate on, String branchId, String organisationPath) {
    }

    /** The grounds in the order the member's year reached them (by day, then rule): R-M3 is filed with the first. */
    public static List<RemovalGround> inOrderReached(Collection<RemovalGround> grounds) {
        return grounds.stream().sorted(Comparator.comparing(RemovalGround::on).thenComparing(RemovalGround::ruleId)).toList();
    }

    /**
     * R-M3 follows R-M1 and R-M2: the branch must consider removing the member. {@code because} names the rules that
     * call for it, the first reached first.
     */
    public static Breach considerRemoval(String memberId, int year, List<RemovalGround> grounds) {
        return new Breach("the branch must consider removing the member from the rolls (xem xét xóa tên) for " + year,
                List.of(memberId), Map.of("year", year, "because", inOrderReached(grounds).stream().map(RemovalGround::ruleId).toList()));
    }

    /** The last day a probationary member admitted on {@code admittedOn} may be recognised without breaking R-M4. */
    public static LocalDate recognitionDueBy(LocalDate admittedOn, int probationMonths, int graceDays) {
        return admittedOn.plusMonths(probationMonths).plusDays(graceDays);
    }

    /** A deadline (recognition, reception) breaks its rule when it passed before the end of the period being closed. */
    public static boolean overdueAt(LocalDate dueBy, LocalDate periodEnd) {
        return dueBy.isBefore(periodEnd);
    }

    public static Breach recognitionOverdue(String memberId, LocalDate admittedOn, LocalDate dueBy) {
        return new Breach("probationary member admitted on %s not recognised by %s".formatted(admittedOn, dueBy),
                List.of(memberId), Map.of("admittedOn", admittedOn.toString(), "dueBy", dueBy.toString()));
    }

    public static Breach transferNotReceived(String memberId, LocalDate issuedOn, LocalDate deadline) {
        return new Breach("member transferred out on %s not received by the deadline %s".formatted(issuedOn, deadline),
                List.of(memberId), Map.of("issuedOn", issuedOn.toString(), "deadline", deadline.toString()));
    }
}
