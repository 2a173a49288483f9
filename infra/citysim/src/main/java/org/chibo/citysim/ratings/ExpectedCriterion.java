package org.chibo.citysim.ratings;

import java.util.List;

/**
 * One criterion of a rating as the oracle expects it.
 *
 * @param lowersTo the level the rating can be at most when the criterion is not met
 * @param names    what its evidence must name (months, figures, ids), each as a piece of its text
 */
public record ExpectedCriterion(String name, boolean met, Level lowersTo, List<String> names) {

    public ExpectedCriterion {
        names = List.copyOf(names);
    }
}
