package org.chibo.evaluation.rating;

import java.util.function.Function;

/** GOOD or better needs a meeting held and recorded on time for every period required (12 months, 4 quarters). */
public record PeriodsHeldOnTimeRule<F>(String meetings, Function<F, PeriodsHeld> periods) implements Rule<F> {

    @Override
    public Gate gate() {
        return Gate.GOOD;
    }

    @Override
    public Criterion check(F figures) {
        PeriodsHeld p = periods.apply(figures);
        String evidence = "%d of %d held, %d on time".formatted(p.heldCount(), p.required().size(), p.onTimeCount())
                + (p.missing().isEmpty() ? "" : "; missing " + p.missing())
                + (p.late().isEmpty() ? "" : "; recorded late " + p.late());
        return new Criterion("every " + meetings + " held and recorded on time", p.allOnTime(), evidence);
    }
}
