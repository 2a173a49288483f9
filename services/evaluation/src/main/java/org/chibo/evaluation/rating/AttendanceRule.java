package org.chibo.evaluation.rating;

import java.util.Locale;
import java.util.function.Function;

/** GOOD or better needs turnout at or above the target over the year's meetings. */
public record AttendanceRule<F>(double target, Function<F, Turnout> turnout) implements Rule<F> {

    @Override
    public Gate gate() {
        return Gate.GOOD;
    }

    @Override
    public Criterion check(F figures) {
        Turnout t = turnout.apply(figures);
        return new Criterion(String.format(Locale.ROOT, "attendance at or above %.0f%%", target * 100), t.reaches(target),
                t.toString());
    }
}
