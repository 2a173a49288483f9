package org.chibo.citysim.meetings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * A year of meetings for the demo city: every branch's 12 regular and 4 thematic meetings and 12 collection sheets of
 * dues, with the anomalies of
 * {@link AnomalyShares} injected and listed in a ground truth. Deterministic: the output depends only on the city
 * (its seed and reference date), the seed, the year and the shares. Generated branch by branch, so the whole year is
 * never in memory; the exemptions (a few thousand) are planned first, because the loader registers them before any
 * meeting.
 */
public final class MeetingYearGenerator {

    private final CityRolls city;
    private final long seed;
    private final int year;
    private final LocalDate referenceDate;
    private final AnomalyShares shares;
    private final long[] branchSeeds;
    private final List<List<Exemption>> exemptions;
    private final BranchYearGenerator generator;

    public MeetingYearGenerator(CityRolls city, long seed, int year, LocalDate referenceDate, AnomalyShares shares) {
        checkYear(year, referenceDate);
        checkRolls(city, year, referenceDate);
        this.city = city;
        this.seed = seed;
        this.year = year;
        this.referenceDate = referenceDate;
        this.shares = shares;
        this.generator = new BranchYearGenerator(seed, year, referenceDate, shares);
        // one seed per branch, in city order: the first n branches get the same year whatever n is
        SplittableRandom root = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * year));
        this.branchSeeds = new long[city.branches().size()];
        for (int i = 0; i < branchSeeds.length; i++) {
            branchSeeds[i] = root.nextLong();
        }
        ExemptionPlanner planner = new ExemptionPlanner(year);
        List<List<Exemption>> planned = new ArrayList<>(branchSeeds.length);
        for (int i = 0; i < branchSeeds.length; i++) {
            planned.add(planner.plan(city.branches().get(i), BranchStreams.of(branchSeeds[i]).exemptions()));
        }
        this.exemptions = List.copyOf(planned);
    }

    /** The last complete calendar year before the reference date (2025 for 2026-01-01). */
    public static int defaultYear(LocalDate referenceDate) {
        return referenceDate.getYear() - 1;
    }

    /** The rolls are known up to the reference date, so the year must be over by then. */
    public static void checkYear(int year, LocalDate referenceDate) {
        int last = defaultYear(referenceDate);
        if (year > last) {
            throw new IllegalArgumentException("the year must be over by the reference date (" + referenceDate
                    + "): " + last + " or earlier, not " + year);
        }
    }

    /**
     * Every branch needs a chair and a minute-taker: at least two members on its rolls on 1 January, one of them
     * official. The city's rolls are as of the reference date and hold nobody who has left, so a year long before it
     * leaves some branches with nobody but the members who came later; such a year is refused.
     */
    static void checkRolls(CityRolls city, int year, LocalDate referenceDate) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        int short_ = 0;
        String first = null;
        for (CityRolls.BranchRolls b : city.branches()) {
            long on = b.members().stream().filter(m -> !m.admittedOn().isAfter(jan1)).count();
            long official = b.members().stream().filter(m -> ExemptionPlanner.officialBy(m, jan1)).count();
            if (on < 2 || official < 1) {
                short_++;
                first = first == null ? b.code() + " (" + on + " members, " + official + " official)" : first;
            }
        }
        if (short_ > 0) {
            throw new IllegalArgumentException("on 1 January " + year + " " + short_ + " branches of the city of "
                    + referenceDate + " would have fewer than two members or no official one, e.g. " + first
                    + "; choose a later year (" + defaultYear(referenceDate) + " is the default)");
        }
    }

    public int year() {
        return year;
    }

    public CityRolls city() {
        return city;
    }

    /** Every exemption of the year, branch by branch. */
    public List<Exemption> exemptions() {
        return exemptions.stream().flatMap(List::stream).toList();
    }

    /** How many meetings the year holds, without generating them (the calendar and the missed months only). */
    public int plannedMeetings() {
        int n = 0;
        for (int i = 0; i < branchSeeds.length; i++) {
            n += generator.heldSlots(city.branches().get(i), BranchStreams.of(branchSeeds[i]), new ArrayList<>()).size();
        }
        return n;
    }

    /** The branches' years, generated one at a time as the iterator is walked. */
    public Iterator<BranchYear> branchYears() {
        return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < branchSeeds.length;
            }

            @Override
            public BranchYear next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return generator.generate(city.branches().get(i), exemptions.get(i), BranchStreams.of(branchSeeds[i]));
            }
        };
    }

    /** Files to write the year to as it goes by (both streams are left open; closing flushes them). */
    public YearFiles files(OutputStream yearOut, OutputStream truthOut) throws IOException {
        return new YearFiles(yearOut, truthOut);
    }

    public YearSummary writeTo(Path yearFile, Path truthFile) throws IOException {
        try (OutputStream year = Files.newOutputStream(yearFile); OutputStream truth = Files.newOutputStream(truthFile)) {
            return writeTo(year, truth);
        }
    }

    /** Writes the year file and the ground truth (both left open) and says what they hold. */
    public YearSummary writeTo(OutputStream yearOut, OutputStream truthOut) throws IOException {
        try (YearFiles files = new YearFiles(yearOut, truthOut)) {
            Iterator<BranchYear> years = branchYears();
            while (years.hasNext()) {
                files.write(years.next());
            }
            return files.summary();
        }
    }

    /**
     * Writes a year as its branches come (also while the loader sends them) and tallies the summary. Closing it
     * flushes both files and leaves the caller's streams open.
     */
    public final class YearFiles implements AutoCloseable {
        private final Writer year;
        private final Writer truth;
        private final long started = System.nanoTime();
        private final Map<String, Integer> byRule = new LinkedHashMap<>();
        private final List<Finding> findings = new ArrayList<>();
        private int branches;
        private int regular;
        private int thematic;
        private int exemptionCount;
        private int degenerate;
        private long attendanceLines;
        private long unexcused;
        private long present;
        private long expected;
        private double rateSum;
        private long yearLines;
        private long truthLines;
        private long yearBytes;
        private long truthBytes;

        private YearFiles(OutputStream yearOut, OutputStream truthOut) throws IOException {
            this.year = new BufferedWriter(new OutputStreamWriter(yearOut, StandardCharsets.UTF_8), 1 << 16);
            this.truth = new BufferedWriter(new OutputStreamWriter(truthOut, StandardCharsets.UTF_8), 1 << 16);
            Finding.RULE_ORDER.forEach(rule -> byRule.put(rule, 0));
            yearLine(MeetingJson.headerLine(seed, MeetingYearGenerator.this.year, referenceDate, shares, city.branches().size()));
        }

        public void write(BranchYear b) throws IOException {
            branches++;
            degenerate += b.degenerate().size();
            yearLine(MeetingJson.branchLine(b.branch()));
            if (b.onlineFrom() != null) {
                yearLine(MeetingJson.onlineEligibilityLine(b.branch().code(), b.onlineFrom()));
            }
            for (Exemption e : b.exemptions()) {
                yearLine(MeetingJson.exemptionLine(e));
                exemptionCount++;
            }
            for (GeneratedMeeting m : b.meetings()) {
                yearLine(MeetingJson.fileLine(m));
                tally(m);
            }
            for (DuesSheet sheet : b.dues()) {
                yearLine(MeetingJson.duesSheet(sheet, UnaryOperator.identity(), false));
            }
            for (Finding f : b.findings()) {
                findings.add(f);
                truthBytes += line(truth, f.toJson());
                truthLines++;
                byRule.merge(f.rule(), 1, Integer::sum);
            }
        }

        private void tally(GeneratedMeeting m) {
            if (m.type() == MeetingType.REGULAR) {
                regular++;
            } else {
                thematic++;
            }
            int here = 0, counted = 0;
            for (GeneratedMeeting.Attendee a : m.attendance()) {
                attendanceLines++;
                if (a.exempt()) {
                    continue;
                }
                counted++;
                here += a.status() == GeneratedMeeting.Presence.PRESENT ? 1 : 0;
                unexcused += a.status() == GeneratedMeeting.Presence.ABSENT_UNEXCUSED ? 1 : 0;
            }
            present += here;
            expected += counted;
            rateSum += counted == 0 ? 1 : (double) here / counted;
        }

        /** The ground truth of the branches written so far (a few thousand lines for the whole city). */
        public List<Finding> findings() {
            return List.copyOf(findings);
        }

        public YearSummary summary() throws IOException {
            flush();
            int meetings = regular + thematic;
            return new YearSummary(seed, MeetingYearGenerator.this.year, referenceDate, branches, regular, thematic,
                    attendanceLines, exemptionCount, unexcused, expected == 0 ? 1 : (double) present / expected,
                    meetings == 0 ? 1 : rateSum / meetings, byRule, degenerate, yearLines, yearBytes, truthLines,
                    truthBytes, Duration.ofNanos(System.nanoTime() - started));
        }

        private void flush() throws IOException {
            year.flush();
            truth.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void yearLine(String json) throws IOException {
            yearBytes += line(year, json);
            yearLines++;
        }

        /** Writes the line and its end; answers how many bytes that is in UTF-8. */
        private static long line(Writer out, String json) throws IOException {
            out.write(json);
            out.write('\n');
            return utf8Length(json) + 1;
        }

        private static long utf8Length(String text) {
            long bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    bytes++;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            return bytes;
        }
    }
}
