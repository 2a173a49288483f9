package org.chibo.evaluation.rating;

/** Disqualifier: a member disciplined (reprimand or above) in the year does not complete their duties. */
public record NotDisciplinedRule() implements Rule<MemberYear> {

    @Override
    public Gate gate() {
        return Gate.DISQUALIFIER;
    }

    @Override
    public Criterion check(MemberYear m) {
        return new Criterion("not disciplined in the year", m.disciplines().isEmpty(),
                m.disciplines().isEmpty() ? "no disciplinary decision in " + m.year() : String.join("; ", m.disciplines()));
    }
}
