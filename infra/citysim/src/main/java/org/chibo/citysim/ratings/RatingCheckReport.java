package org.chibo.citysim.ratings;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's final ratings against the oracle's: counts on both sides, the subjects equal in every respect, and
 * every difference by kind — a rating other than implied, one missing or extra, a rating unit other than implied,
 * a criterion missing or judged otherwise, evidence blank or not naming what the oracle names, a unit over the cap.
 *
 * @param expected  oracle's ratings by subject type
 * @param platform  the platform's ratings by subject type
 * @param equal     subjects rated, united, judged and evidenced as implied
 * @param units     rating units counted (from the platform's answer)
 */
public record RatingCheckReport(Map<String, Integer> expected, Map<String, Integer> platform,
                                Map<String, Map<Level, Integer>> expectedByLevel, Map<String, Map<Level, Integer>> platformByLevel,
                                int equal, int units, List<Difference> differences) {

    public enum Kind { RATING, MISSING, EXTRA, UNIT, CRITERION, EVIDENCE, CAP }

    /** One difference: what kind, about which subject (or unit), and the details both sides give. */
    public record Difference(Kind kind, String subject, String detail) {
        @Override
        public String toString() {
            return kind + " " + subject + ": " + detail;
        }
    }

    public RatingCheckReport {
        differences = List.copyOf(differences);
    }

    /** Every subject rated exactly as implied, nothing missing or extra, the cap held, every evidence named. */
    public boolean exact() {
        return differences.isEmpty();
    }

    public Map<Kind, Integer> byKind() {
        Map<Kind, Integer> counts = new TreeMap<>();
        differences.forEach(d -> counts.merge(d.kind(), 1, Integer::sum));
        return counts;
    }

    public List<Difference> of(Kind kind) {
        return differences.stream().filter(d -> d.kind() == kind).toList();
    }

    public void print(PrintStream out, int shown) {
        for (String type : List.of("MEMBER", "BRANCH")) {
            out.printf(Locale.ROOT, "[citysim] %s ratings: %,d implied %s, %,d in the platform %s%n", type.toLowerCase(Locale.ROOT),
                    expected.getOrDefault(type, 0), expectedByLevel.getOrDefault(type, Map.of()),
                    platform.getOrDefault(type, 0), platformByLevel.getOrDefault(type, Map.of()));
        }
        out.printf(Locale.ROOT, "[citysim] %,d equal in rating, unit, criteria and evidence; %,d rating units, the cap counted in each%n",
                equal, units);
        if (exact()) {
            out.println("[citysim] the ratings equal what the ground truth implies: nothing missing, nothing extra, the cap holds");
            return;
        }
        out.printf(Locale.ROOT, "[citysim] differences %s; the first %d:%n", byKind(), Math.min(shown, differences.size()));
        differences.stream().limit(shown).forEach(d -> out.println("  " + d));
        out.println("[citysim] the ratings do NOT equal what the ground truth implies");
    }

    /** Collects differences while comparing. */
    static final class Builder {
        final List<Difference> differences = new ArrayList<>();

        void add(Kind kind, String subject, String detail) {
            differences.add(new Difference(kind, subject, detail));
        }
    }
}
