package org.chibo.citysim.ratings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cap (README section 5) in one rating unit: of the n subjects whose ceiling is GOOD or EXCELLENT, at most
 * floor(share × n) are EXCELLENT — the eligible ranked by higher turnout (exact fractions), fewer blemishes, then the
 * subject id ({@link String#compareTo}); the rest are GOOD. Every eligible subject gets the cap's criterion.
 */
final class ExcellenceCap {

    /** A subject before the cap: its ceiling (the rating its criteria allow) and what ranks it. */
    record Candidate(ExpectedRating ceiling, Turnout turnout, int blemishes) {
    }

    private static final Comparator<Candidate> RANKING = ((Comparator<Candidate>) (a, b) -> a.turnout().compareDescending(b.turnout()))
            .thenComparingInt(Candidate::blemishes)
            .thenComparing(c -> c.ceiling().subjectId());

    private final Thresholds t;

    ExcellenceCap(Thresholds t) {
        this.t = t;
    }

    /** The final ratings of one unit's subjects, in the order given. */
    List<ExpectedRating> apply(String unitId, List<Candidate> unit) {
        int n = (int) unit.stream().filter(c -> c.ceiling().rating().goodOrBetter()).count();
        int allowed = t.excellentAllowed(n);
        List<Candidate> eligible = unit.stream().filter(c -> c.ceiling().rating() == Level.EXCELLENT).sorted(RANKING).toList();
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < eligible.size(); i++) {
            rank.put(eligible.get(i).ceiling().subjectId(), i + 1);
        }
        List<ExpectedRating> rated = new ArrayList<>(unit.size());
        for (Candidate c : unit) {
            ExpectedRating r = c.ceiling();
            Integer place = rank.get(r.subjectId());
            if (place == null) {
                rated.add(r);
                continue;
            }
            boolean within = place <= allowed;
            List<ExpectedCriterion> criteria = new ArrayList<>(r.criteria());
            criteria.add(new ExpectedCriterion("within the EXCELLENT cap of rating unit " + unitId, within, Level.GOOD,
                    List.of(n + " rated GOOD or better", "at most " + allowed + " EXCELLENT",
                            "ranked " + place + " of " + eligible.size() + " eligible")));
            rated.add(new ExpectedRating(r.subjectType(), r.subjectId(), r.label(), r.unitId(),
                    within ? Level.EXCELLENT : Level.GOOD, criteria));
        }
        return rated;
    }
}
