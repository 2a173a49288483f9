package org.chibo.evaluation.rating;

/** EXCELLENT: a branch with a member disciplined in the year cannot be rated excellent. */
public record NoDisciplinedMemberRule() implements Rule<BranchYear> {

    @Override
    public Gate gate() {
        return Gate.EXCELLENT;
    }

    @Override
    public Criterion check(BranchYear b) {
        return new Criterion("no member disciplined in the year", b.disciplinedMemberIds().isEmpty(),
                b.disciplinedMemberIds().isEmpty() ? "no disciplinary decision in " + b.year()
                        : "disciplined: " + String.join(", ", b.disciplinedMemberIds()));
    }
}
