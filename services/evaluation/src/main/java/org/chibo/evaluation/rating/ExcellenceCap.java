package org.chibo.evaluation.rating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cap of Quy định 124-QĐ/TW: within one rating unit, EXCELLENT may not exceed {@code share} of those rated GOOD or
 * better, i.e. at most floor(share × n) of the n subjects whose ceiling is GOOD or EXCELLENT. The subjects eligible for
 * EXCELLENT are ranked, and the first ones up to that number keep it; the rest are GOOD.
 * <p>
 * Ranking (the tie-break), deterministic: higher turnout first (exact fraction; no meeting expected counts as full),
 * then fewer blemishes (excused absences of a member, open findings of any severity of a branch), then the subject id
 * in ascending string order.
 */
public final class ExcellenceCap {

    /** Why one subject stands before another; compare with {@link #ORDER}. */
    public record Standing(Turnout turnout, int blemishes, String subjectId) {
    }

    public record Candidate(String subjectId, Assessment ceiling, Standing standing) {
    }

    public record Outcome(String subjectId, Assessment assessment) {
    }

    public static final Comparator<Standing> ORDER = ((Comparator<Standing>) (a, b) -> a.turnout().compareDescending(b.turnout()))
            .thenComparingInt(Standing::blemishes)
            .thenComparing(Standing::subjectId);

    private final double share;
    private final String blemishWords;

    public ExcellenceCap(double share, String blemishWords) {
        this.share = share;
        this.blemishWords = blemishWords;
    }

    public int allowed(int goodOrBetter) {
        return (int) Math.floor(share * goodOrBetter + Turnout.TOLERANCE);
    }

    /** The final assessments of one rating unit, in the order the candidates came. */
    public List<Outcome> apply(String unitId, List<Candidate> candidates) {
        int goodOrBetter = (int) candidates.stream().filter(c -> c.ceiling().rating().goodOrBetter()).count();
        int allowed = allowed(goodOrBetter);
        List<Candidate> eligible = candidates.stream().filter(c -> c.ceiling().rating() == Rating.EXCELLENT)
                .sorted(Comparator.comparing(Candidate::standing, ORDER)).toList();
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < eligible.size(); i++) {
            rank.put(eligible.get(i).subjectId(), i + 1);
        }
        List<Outcome> outcomes = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            Integer r = rank.get(c.subjectId());
            if (r == null) {
                outcomes.add(new Outcome(c.subjectId(), c.ceiling()));
                continue;
            }
            boolean within = r <= allowed;
            Criterion cap = new Criterion("within the EXCELLENT cap of rating unit " + unitId, within, String.format(Locale.ROOT,
                    "%d rated GOOD or better in the unit, at most %d EXCELLENT (%.0f%%); ranked %d of %d eligible "
                            + "(%s, %d %s; ties broken by higher turnout, fewer %s, then id)",
                    goodOrBetter, allowed, share * 100, r, eligible.size(), c.standing().turnout(), c.standing().blemishes(),
                    blemishWords, blemishWords));
            outcomes.add(new Outcome(c.subjectId(), within ? c.ceiling().withCriterion(cap) : c.ceiling().heldTo(Rating.GOOD, cap)));
        }
        return outcomes;
    }
}
