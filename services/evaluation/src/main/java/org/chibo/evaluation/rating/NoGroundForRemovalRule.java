package org.chibo.evaluation.rating;

/**
 * Disqualifier R-M3: unexcused absences in {@code months} distinct months of the year (R-M1), or, where dues are
 * judged, that many months unpaid (R-M2), are ground for removal (xem xét xóa tên, Charter art. 8).
 */
public record NoGroundForRemovalRule(int months, boolean duesJudged) implements Rule<MemberYear> {

    @Override
    public Gate gate() {
        return Gate.DISQUALIFIER;
    }

    @Override
    public Criterion check(MemberYear m) {
        boolean absences = m.unexcusedMonths().size() >= months;
        boolean dues = duesJudged && m.unpaidDuesMonths().size() >= months;
        String absenceWords = "unexcused absences in %d month(s)%s (threshold %d)".formatted(m.unexcusedMonths().size(),
                m.unexcusedMonths().isEmpty() ? "" : " " + m.unexcusedMonths() + " at meetings " + m.unexcusedMeetingIds(), months);
        String duesWords = duesJudged
                ? "dues unpaid in %d month(s)%s".formatted(m.unpaidDuesMonths().size(),
                        m.unpaidDuesMonths().isEmpty() ? "" : " " + m.unpaidDuesMonths())
                : "dues not judged";
        return new Criterion("no ground for removal (R-M3)", !absences && !dues, absenceWords + "; " + duesWords);
    }
}
