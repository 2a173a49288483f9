package org.chibo.evaluation.rating;

/** EXCELLENT needs full attendance except excused absences: no absence without reason all year. */
public record FullAttendanceRule() implements Rule<MemberYear> {

    @Override
    public Gate gate() {
        return Gate.EXCELLENT;
    }

    @Override
    public Criterion check(MemberYear m) {
        return new Criterion("full attendance except excused absences", m.unexcusedAbsences() == 0,
                "%d unexcused, %d excused absence(s); %d resolution task(s) assigned".formatted(m.unexcusedAbsences(),
                        m.excusedAbsences(), m.tasksAssigned()));
    }
}
