package org.chibo.evaluation.rating;

/** One criterion or disqualifier: reads the year's figures of a subject, says whether it is met and why. */
public interface Rule<F> {

    Gate gate();

    Criterion check(F figures);
}
