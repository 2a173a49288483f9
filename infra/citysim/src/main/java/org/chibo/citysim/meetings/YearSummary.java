package org.chibo.citysim.meetings;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a generated year holds: branches, meetings by type, roster lines, exemptions, attendance, the findings by
 * rule, the two files' sizes and how long it took.
 *
 * @param pooledAttendance  present / expected over all meetings (exempt members left out)
 * @param meanAttendance    the mean of each meeting's present / expected
 * @param degenerate        meetings where only a reader of the reference-date status could see a fault
 */
public record YearSummary(long seed, int year, LocalDate referenceDate, int branches, int regular, int thematic,
                          long attendanceLines, int exemptions, long unexcused, double pooledAttendance,
                          double meanAttendance, Map<String, Integer> findingsByRule, int degenerate, long yearLines,
                          long yearBytes, long truthLines, long truthBytes, Duration elapsed) {

    public YearSummary {
        findingsByRule = Collections.unmodifiableMap(new LinkedHashMap<>(findingsByRule));
    }

    public int meetings() {
        return regular + thematic;
    }

    public int findings() {
        return findingsByRule.values().stream().mapToInt(Integer::intValue).sum();
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "[citysim] meeting year %d (seed %d, reference date %s) in %.2f s: %,d branches, %,d meetings "
                        + "(%,d regular, %,d thematic), %,d roster lines, %,d exemptions%n", year, seed, referenceDate,
                elapsed.toMillis() / 1000.0, branches, meetings(), regular, thematic, attendanceLines, exemptions);
        out.printf(Locale.ROOT, "[citysim]   attendance %.2f %% overall, %.2f %% per meeting on average; %,d absences without reason%n",
                100 * pooledAttendance, 100 * meanAttendance, unexcused);
        StringBuilder rules = new StringBuilder();
        findingsByRule.forEach((rule, n) -> {
            if (n > 0) {
                rules.append(String.format(Locale.ROOT, " %s %,d;", rule, n));
            }
        });
        out.printf(Locale.ROOT, "[citysim]   ground truth %,d findings:%s%n", findings(), rules);
        out.printf(Locale.ROOT, "[citysim]   year file %,d lines, %,d bytes; truth file %,d lines, %,d bytes%n",
                yearLines, yearBytes, truthLines, truthBytes);
    }
}
