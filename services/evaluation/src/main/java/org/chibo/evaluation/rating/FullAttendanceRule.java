package org.chibo.evaluation.rating;

/**
 * EXCELLENT needs full attendance except excused absences: no absence without reason all year, and at least one
 * meeting attended — a member exempt all year (miễn sinh hoạt) has shown nothing to excel in.
 */
public record FullAttendanceRule() implements Rule<MemberYear> {

    @Override
    public Gate gate() {
        return Gate.EXCELLENT;
    }

    @Override
    public Criterion check(MemberYear m) {
        if (m.turnout().expected() == 0) {
            return new Criterion("full attendance except excused absences", false, "no meeting expected of the member in " + m.year());
        }
        return new Criterion("full attendance except excused absences", m.unexcusedAbsences() == 0,
                "%d unexcused, %d excused absence(s); %d resolution task(s) assigned".formatted(m.unexcusedAbsences(),
                        m.excusedAbsences(), m.tasksAssigned()));
    }
}
