package org.chibo.evaluation.rating;

import java.util.List;
import java.util.function.Function;

/** GOOD or better needs no serious inspection finding left open (or acknowledged only) at the close. */
public record NoOpenSeriousFindingRule<F>(Function<F, List<String>> openSerious) implements Rule<F> {

    @Override
    public Gate gate() {
        return Gate.GOOD;
    }

    @Override
    public Criterion check(F figures) {
        List<String> open = openSerious.apply(figures);
        return new Criterion("no open serious finding", open.isEmpty(),
                open.isEmpty() ? "no serious finding open" : "open: " + String.join(", ", open));
    }
}
