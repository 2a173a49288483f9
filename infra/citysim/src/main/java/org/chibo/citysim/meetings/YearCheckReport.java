package org.chibo.citysim.meetings;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The platform's findings against the ground truth, rule by rule: matched (same key, same figures), missing (in the
 * truth, not in the platform) and extra (in the platform, not in the truth). A finding whose figures differ is both
 * missing and extra, so the two lines show the difference.
 *
 * @param findingIds the platform's finding ids, to compare two checks of the same platform
 * @param statuses   the platform's findings by status (OPEN, RESOLVED …)
 */
public record YearCheckReport(int truth, int platform, Map<String, Integer> matched, Map<String, List<ComparableFinding>> missing,
                              Map<String, List<ComparableFinding>> extra, Set<String> findingIds, Map<String, Integer> statuses) {

    /** Nothing missed, nothing extra. */
    public boolean exact() {
        return missing.isEmpty() && extra.isEmpty();
    }

    /** Compares the two sides as multisets: a finding raised twice is one match and one extra. */
    static YearCheckReport of(List<ComparableFinding> truth, List<ComparableFinding> platform, Set<String> findingIds,
                              Map<String, Integer> statuses) {
        Map<ComparableFinding, List<ComparableFinding>> unmatched = new LinkedHashMap<>();
        for (ComparableFinding f : platform) {
            unmatched.computeIfAbsent(f, k -> new ArrayList<>()).add(f);
        }
        Map<String, Integer> matched = new LinkedHashMap<>();
        Map<String, List<ComparableFinding>> missing = new LinkedHashMap<>();
        for (ComparableFinding t : truth) {
            List<ComparableFinding> same = unmatched.get(t);
            if (same != null && !same.isEmpty()) {
                same.removeFirst();
                matched.merge(t.rule(), 1, Integer::sum);
            } else {
                missing.computeIfAbsent(t.rule(), r -> new ArrayList<>()).add(t);
            }
        }
        Map<String, List<ComparableFinding>> extra = new LinkedHashMap<>();
        unmatched.values().stream().flatMap(List::stream)
                .forEach(f -> extra.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f));
        return new YearCheckReport(truth.size(), platform.size(), matched, missing, extra, Set.copyOf(findingIds),
                Map.copyOf(statuses));
    }

    public int matchedTotal() {
        return matched.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A table by rule, then the first {@code shown} missing and extra findings of each rule in full. */
    public void print(PrintStream out, int shown) {
        out.printf(Locale.ROOT, "[citysim] findings: %,d in the ground truth, %,d in the platform (%s); %,d matched%n", truth,
                platform, new TreeMap<>(statuses), matchedTotal());
        Set<String> rules = new TreeSet<>(Comparator.comparingInt((String r) -> {
            int i = Finding.RULE_ORDER.indexOf(r);
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(r -> r));
        rules.addAll(matched.keySet());
        rules.addAll(missing.keySet());
        rules.addAll(extra.keySet());
        out.printf(Locale.ROOT, "  %-6s %9s %9s %9s%n", "rule", "matched", "missing", "extra");
        for (String rule : rules) {
            out.printf(Locale.ROOT, "  %-6s %,9d %,9d %,9d  %s%n", rule, matched.getOrDefault(rule, 0),
                    missing.getOrDefault(rule, List.of()).size(), extra.getOrDefault(rule, List.of()).size(),
                    missing.containsKey(rule) || extra.containsKey(rule) ? "✗" : "✓");
        }
        printFirst(out, "missing", missing, shown);
        printFirst(out, "extra", extra, shown);
        out.println(exact() ? "[citysim] the findings equal the ground truth: nothing missed, nothing extra"
                : "[citysim] the findings do NOT equal the ground truth");
    }

    private static void printFirst(PrintStream out, String what, Map<String, List<ComparableFinding>> byRule, int shown) {
        byRule.forEach((rule, findings) -> {
            out.printf(Locale.ROOT, "[citysim] %s %s (%,d; the first %d):%n", what, rule, findings.size(),
                    Math.min(shown, findings.size()));
            findings.stream().limit(shown).forEach(f -> out.println("  " + f));
        });
    }
}
