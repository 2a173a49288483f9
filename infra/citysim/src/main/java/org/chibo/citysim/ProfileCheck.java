package org.chibo.citysim;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The profile's figures side by side with what was counted (in a generated file, or in the platform after a
 * load): one row per figure, and whether every row matches.
 */
public record ProfileCheck(List<Row> rows) {

    public record Row(String figure, long expected, long actual) {
        public boolean matches() {
            return expected == actual;
        }
    }

    /** {@code unitsByKind} counts the subtree below the city, not the city itself; a missing kind counts as 0. */
    static ProfileCheck of(CityProfile profile, Map<UnitKind, Integer> unitsByKind, long members) {
        long branches = count(unitsByKind, UnitKind.BRANCH);
        long grassrootsBranches = count(unitsByKind, UnitKind.GRASSROOTS_BRANCH);
        return new ProfileCheck(List.of(
                new Row("direct committees", profile.directCommittees(), count(unitsByKind, UnitKind.DIRECT_COMMITTEE)),
                new Row("grassroots committees", profile.grassrootsCommittees(), count(unitsByKind, UnitKind.GRASSROOTS_COMMITTEE)),
                new Row("grassroots branches", profile.grassrootsBranches(), grassrootsBranches),
                new Row("branches under grassroots committees", profile.branchesUnderGrassrootsCommittees(), branches),
                new Row("branches in total", profile.totalBranches(), branches + grassrootsBranches),
                new Row("members", profile.members(), members)));
    }

    /** Every row failed: the platform could not be asked (e.g. the city is not there). */
    static ProfileCheck unavailable(CityProfile profile) {
        return new ProfileCheck(of(profile, Map.of(), 0).rows.stream()
                .map(r -> new Row(r.figure, r.expected, -1)).toList());
    }

    public boolean allMatch() {
        return rows.stream().allMatch(Row::matches);
    }

    public void print(PrintStream out, String actualHeading) {
        out.printf(Locale.ROOT, "  %-38s %10s %10s%n", "figure", "profile", actualHeading);
        for (Row row : rows) {
            out.printf(Locale.ROOT, "  %-38s %,10d %10s  %s%n", row.figure, row.expected,
                    row.actual < 0 ? "—" : String.format(Locale.ROOT, "%,d", row.actual), row.matches() ? "✓" : "✗");
        }
    }

    private static long count(Map<UnitKind, Integer> unitsByKind, UnitKind kind) {
        return unitsByKind.getOrDefault(kind, 0);
    }
}
