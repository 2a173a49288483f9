package org.chibo.inspection.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.chibo.inspection.finding.FindingStatus;
import org.chibo.inspection.rules.Severity;

/**
 * Counts a year's findings in one organisation's subtree the way inspection committees report them: by rule, by
 * month, by severity, by the units directly below the organisation (for a city, its districts and blocs), and the
 * branches that had none. Dismissed findings are left out of every count but their own. Plain Java.
 */
public final class FindingTally {

    private FindingTally() {
    }

    /** A branch in the subtree that had to meet during the year. */
    public record Branch(String id, String path) {
    }

    /** One unit directly below the organisation asked about, with what its subtree raised. */
    public record UnitCount(String organisationId, long findings, Map<String, Long> byRule) {
    }

    public record Figures(long findings, long open, long resolved, long dismissed, Map<String, Long> byRule,
                          Map<Severity, Long> bySeverity, Map<String, Long> byMonth, List<UnitCount> byUnit, long branches,
                          long branchesWithoutFindings) {
    }

    /**
     * @param scopePath the organisation's materialised path ({@code /city/district/}); every fact and branch lies at or
     *                  below it
     * @param year      the calendar year the facts belong to (every month of it is listed, zeros included)
     */
    public static Figures of(String scopePath, int year, Collection<FindingFact> facts, Collection<Branch> branches) {
        Map<String, Long> byRule = new TreeMap<>();
        Map<Severity, Long> bySeverity = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0L);
        }
        Map<String, Long> byMonth = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.put(YearMonth.of(year, m).toString(), 0L);
        }
        Map<String, Map<String, Long>> byUnit = new TreeMap<>();
        Set<String> branchesWithFindings = new HashSet<>();
        long counted = 0;
        long open = 0;
        long resolved = 0;
        long dismissed = 0;
        for (FindingFact f : facts) {
            if (!f.counts()) {
                dismissed++;
                continue;
            }
            counted++;
            if (f.status() == FindingStatus.RESOLVED) {
                resolved++;
            } else {
                open++;
            }
            byRule.merge(f.ruleId(), 1L, Long::sum);
            bySeverity.merge(f.severity(), 1L, Long::sum);
            byMonth.merge(YearMonth.from(f.occurredOn()).toString(), 1L, Long::sum);
            String unit = unitBelow(scopePath, f.organisationPath());
            if (unit != null) {
                byUnit.computeIfAbsent(unit, u -> new TreeMap<>()).merge(f.ruleId(), 1L, Long::sum);
            }
            branchesWithFindings.add(f.branchId());
        }
        List<UnitCount> units = new ArrayList<>();
        byUnit.forEach((unit, rules) -> units.add(new UnitCount(unit, rules.values().stream().mapToLong(Long::longValue).sum(), rules)));
        long without = branches.stream().filter(b -> !branchesWithFindings.contains(b.id())).count();
        return new Figures(counted, open, resolved, dismissed, byRule, bySeverity, byMonth, units, branches.size(), without);
    }

    /** The branches of {@code branches} with no counted finding among {@code facts}, in path order. */
    public static List<Branch> withoutFindings(Collection<FindingFact> facts, Collection<Branch> branches) {
        Set<String> flagged = new HashSet<>();
        facts.stream().filter(FindingFact::counts).forEach(f -> flagged.add(f.branchId()));
        return branches.stream().filter(b -> !flagged.contains(b.id()))
                .sorted(java.util.Comparator.comparing(Branch::path)).toList();
    }

    /** The id of the unit directly below {@code scopePath} on the way to {@code path}; null for the scope itself. */
    static String unitBelow(String scopePath, String path) {
        if (path == null || !path.startsWith(scopePath) || path.length() <= scopePath.length()) {
            return null;
        }
        String rest = path.substring(scopePath.length());
        int end = rest.indexOf('/');
        return end <= 0 ? null : rest.substring(0, end);
    }
}
