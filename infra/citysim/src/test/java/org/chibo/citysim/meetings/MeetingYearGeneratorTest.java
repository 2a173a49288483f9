package org.chibo.citysim.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.chibo.citysim.Member;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MeetingYearGeneratorTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static FullYear year;

    @BeforeAll
    static void generate() {
        year = FullYear.get();
        YearSummary s = year.summary;
        System.out.printf(Locale.ROOT, "[test] full year: %.2f s, %,d meetings, %,d bytes (year), %,d bytes (truth), findings %s%n",
                s.elapsed().toMillis() / 1000.0, s.meetings(), s.yearBytes(), s.truthBytes(), s.findingsByRule());
    }

    @Test
    void theOracleFindsExactlyTheInjectedAnomaliesNothingMoreNothingLess() throws IOException {
        List<String> found = new InspectionOracle().inspect(year.yearFile).stream().map(Finding::toJson).toList();
        List<String> truth = Files.readAllLines(year.truthFile, StandardCharsets.UTF_8);

        assertThat(found).hasSize(truth.size());
        assertThat(found).containsExactlyElementsOf(truth);
    }

    @Test
    void theTruthIsTheSameWhenStatusIsReadAtTheReferenceDateSaveForTheNamedDegenerateMeetings() throws IOException {
        Map<String, Member> byCard = new HashMap<>();
        year.city.branches().forEach(b -> b.members().forEach(m -> byCard.put(m.cardNumber(), m)));
        InspectionOracle today = new InspectionOracle(InspectionOracle.Thresholds.defaults(), (card, onTheDay) -> {
            LocalDate recognised = byCard.get(card).recognisedOn();
            return recognised != null && !recognised.isAfter(FullYear.REFERENCE) ? "OFFICIAL" : "PROBATIONARY";
        });
        // figures such as the number of official members differ by reading; which findings there are must not
        List<String> truth = Files.readAllLines(year.truthFile, StandardCharsets.UTF_8).stream().map(l -> identity(JSON.readTree(l))).toList();
        List<String> found = today.inspect(year.yearFile).stream().map(f -> identity(JSON.readTree(f.toJson()))).toList();

        List<String> extra = new ArrayList<>(found);
        extra.removeAll(truth);
        assertThat(found).containsAll(truth);
        // the only difference: an R-G3 on each meeting whose rolls allow no vote such a reader accepts
        assertThat(extra).hasSize(year.degenerate.size()).allMatch(line -> line.startsWith("R-G3 "));
        List<String> degenerateKeys = year.degenerate.stream().map(r -> "R-G3 " + key(r)).sorted().toList();
        assertThat(extra.stream().map(e -> e.substring(0, e.lastIndexOf(' '))).sorted().toList()).isEqualTo(degenerateKeys);
        assertThat(year.degenerate.size()).isLessThan(year.summary.meetings() / 1000);
    }

    /** What a finding is about, without its figures: rule, branch, then the meeting's period and type, or the period. */
    private static String identity(JsonNode f) {
        String about = f.has("heldOn") ? key(f) + " " + f.path("type").asString() : f.path("period").asString() + " "
                + f.path("cardNumber").asString("");
        return f.path("rule").asString() + " " + about;
    }

    /** branch code and period of a finding line or of a reference {@code citysim:42:2025:<code>:R:2025-03}. */
    private static String key(JsonNode finding) {
        LocalDate heldOn = LocalDate.parse(finding.path("heldOn").asString());
        String period = finding.path("type").asString().equals("REGULAR") ? heldOn.toString().substring(0, 7)
                : heldOn.getYear() + "-Q" + ((heldOn.getMonthValue() + 2) / 3);
        return finding.path("branchCode").asString() + " " + period;
    }

    private static String key(String reference) {
        String[] parts = reference.split(":");
        return parts[3] + " " + parts[5];
    }

    @Test
    void theDuesAreEveryMonthsInFullSaveTheArrearsTheNearMissesAndTheExemptions() {
        MeetingYearGenerator part = new MeetingYearGenerator(year.city.firstBranches(2000), FullYear.SEED, FullYear.YEAR,
                FullYear.REFERENCE, AnomalyShares.defaults());
        int twoMonths = 0, caughtUp = 0, halfPaid = 0, arrears = 0, excusedOnly = 0;
        for (Iterator<BranchYear> it = part.branchYears(); it.hasNext(); ) {
            BranchYear b = it.next();
            Map<String, Exemption> exempt = new HashMap<>();
            b.exemptions().forEach(e -> exempt.put(e.cardNumber(), e));
            Set<String> inArrears = new HashSet<>();
            b.findings().stream().filter(f -> f.rule().equals("R-M2")).forEach(f -> inArrears.add(f.cardNumber()));
            Map<String, List<String>> unpaid = new HashMap<>();
            Map<String, Integer> late = new HashMap<>();
            assertThat(b.dues()).as(b.branch().code()).hasSize(12);
            for (DuesSheet sheet : b.dues()) {
                for (DuesSheet.Row r : sheet.rows()) {
                    assertThat(r.due()).isEqualTo(DuesPlanner.due(r.category(), r.monthlyIncome()));
                    Member m = b.branch().members().stream().filter(x -> x.cardNumber().equals(r.cardNumber())).findFirst().orElseThrow();
                    assertThat(m.admittedOn()).as("on the rolls that month").isBeforeOrEqualTo(sheet.month().atEndOfMonth());
                    boolean excused = exempt.containsKey(r.cardNumber()) && DuesPlanner.overlaps(exempt.get(r.cardNumber()), sheet.month());
                    if (r.amount() < r.due()) {
                        halfPaid += r.paid() ? 1 : 0;
                        if (excused) {
                            excusedOnly++;
                        } else {
                            unpaid.computeIfAbsent(r.cardNumber(), c -> new ArrayList<>()).add(sheet.month().toString());
                        }
                    } else if (YearMonth.from(r.paidOn()).isAfter(sheet.month())) {
                        late.merge(r.cardNumber(), 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<String, List<String>> e : unpaid.entrySet()) {
                assertThat(e.getValue().size() >= 3).as(e.getKey() + " " + e.getValue()).isEqualTo(inArrears.contains(e.getKey()));
                twoMonths += e.getValue().size() == 2 ? 1 : 0;
                arrears += e.getValue().size() >= 3 ? 1 : 0;
            }
            assertThat(late.values()).as("a catch-up pays three months at once").allMatch(n -> n == 3);
            caughtUp += late.size();
        }
        assertThat(arrears).isGreaterThan(50);
        assertThat(twoMonths).as("near misses: two months").isGreaterThan(50);
        assertThat(caughtUp).as("near misses: three months paid late").isGreaterThan(50);
        assertThat(halfPaid).as("partial payments, in arrears").isGreaterThan(5);
        assertThat(excusedOnly).as("months excused by an exemption").isGreaterThan(100);
    }

    @Test
    void everyMeetingIsConsistentWithItsBranchsRolls() {
        assertThat(year.invariants.problems).isEmpty();
        assertThat(year.invariants.meetings).isEqualTo(year.summary.meetings());
    }

    @Test
    void everyBranchHoldsTwelveRegularAndFourThematicMeetingsSaveThoseInjectedAsMissed() {
        YearSummary s = year.summary;
        int branches = year.city.branches().size();
        assertThat(s.branches()).isEqualTo(6232);
        assertThat(s.regular()).isEqualTo(12 * branches - s.findingsByRule().get("R-P1"));
        assertThat(s.thematic()).isEqualTo(4 * branches - s.findingsByRule().get("R-P2"));
        assertThat(year.generator.plannedMeetings()).isEqualTo(s.meetings());
    }

    @Test
    void theFiguresAreThoseOfARealisticYear() {
        YearInvariants v = year.invariants;
        YearSummary s = year.summary;
        double pooled = (double) v.present / v.expected;
        double mean = v.rateSum / v.meetings;
        assertThat(pooled).isEqualTo(s.pooledAttendance()).isBetween(0.94, 0.98);
        assertThat(mean).isGreaterThanOrEqualTo(0.93);
        assertThat((double) v.fullAttendance / v.meetings).as("meetings with everyone there").isBetween(0.3, 0.8);
        assertThat((double) v.unexcused / v.attendanceLines).as("absences without reason").isLessThan(0.01);
        assertThat(v.unexcused).isLessThan(v.excused / 3);
        // members with unexcused absences in exactly two months exist (the edge R-M1 must not flag); three only by design
        assertThat(v.membersByUnexcusedMonths.getOrDefault(2, 0)).isGreaterThan(50);
        assertThat(v.membersByUnexcusedMonths.keySet().stream().filter(k -> k >= 3)
                .mapToInt(k -> v.membersByUnexcusedMonths.get(k)).sum()).isEqualTo(s.findingsByRule().get("R-M1"));
        // exemptions: about 1.5–2 % of members, listed as excused on the days they cover
        assertThat(s.exemptions()).isBetween(1_500, 3_000);
        assertThat(v.exemptListed).isGreaterThan(15_000);
        // the anomalies are the only faults; the edges next to them are present and clean
        assertThat(v.shortMeetings).isEqualTo(s.findingsByRule().get("R-G6"));
        assertThat(v.exactlyNinetyMinutes).isGreaterThan(3_000);
        assertThat(v.lateRecords).isEqualTo(s.findingsByRule().get("R-G7"));
        assertThat(v.incompleteMinutes).isEqualTo(s.findingsByRule().get("R-G5"));
        assertThat(v.wrongVotes).isEqualTo(s.findingsByRule().get("R-G3"));
        System.out.printf(Locale.ROOT, "[test] attendance %.4f pooled, %.4f mean; full attendance %.3f; unexcused %,d; "
                        + "members by months unexcused %s; start times %s%n", pooled, mean,
                (double) v.fullAttendance / v.meetings, v.unexcused, v.membersByUnexcusedMonths, v.startHours);
    }

    @Test
    void eachAnomalyComesAtAboutItsShare() {
        Map<String, Integer> n = year.summary.findingsByRule();
        int branches = 6232;
        int meetings = year.summary.meetings();
        assertThat(n.get("R-P1")).isBetween((int) (0.007 * 12 * branches), (int) (0.013 * 12 * branches));
        assertThat(n.get("R-P2")).isBetween((int) (0.007 * 4 * branches), (int) (0.013 * 4 * branches));
        // a below-quorum meeting is also under the attendance target: R-G2 = low attendance + below quorum
        assertThat(n.get("R-G2") - n.get("R-G1")).isBetween((int) (0.016 * meetings), (int) (0.024 * meetings));
        assertThat(n.get("R-G1")).isBetween((int) (0.003 * meetings), (int) (0.006 * meetings));
        assertThat(n.get("R-G3")).isBetween((int) (0.003 * meetings), (int) (0.006 * meetings));
        for (String rule : List.of("R-G5", "R-G6", "R-G7")) {
            assertThat(n.get(rule)).as(rule).isBetween((int) (0.008 * meetings), (int) (0.012 * meetings));
        }
        assertThat(n.get("R-M1")).isBetween(200, 450);
        // the members in arrears: 0.3 % of those on the rolls all year, never exempt and without an absence streak
        assertThat(n.get("R-M2")).isBetween(250, 520);
        assertThat(n.get("R-M3")).as("one removal for each, the two never the same member").isEqualTo(n.get("R-M1") + n.get("R-M2"));
        assertThat(n.get("R-G8")).isBetween((int) (0.003 * meetings), (int) (0.005 * meetings));
        assertThat(n.get("R-G4")).isZero();
        assertThat(n.get("R-G9")).isZero();
    }

    @Test
    void onlineMeetingsWithExcludedMattersAreR_G8BesideNearMissesAndLeaveTheRestOfTheYearAsItWas() throws IOException {
        CityRolls part = year.city.firstBranches(1000);
        FullYear.Small with = FullYear.small(new MeetingYearGenerator(part, 42, 2025, FullYear.REFERENCE, AnomalyShares.defaults()), 42);
        FullYear.Small without = FullYear.small(new MeetingYearGenerator(part, 42, 2025, FullYear.REFERENCE,
                AnomalyShares.parse("R-G8=0")), 42);
        List<String> changed = new ArrayList<>();
        int onlineClean = 0, inPersonRestricted = 0, rG8 = 0;
        for (String line : with.year().lines().toList()) {
            JsonNode n = JSON.readTree(line);
            if (n.path("record").asString().equals("meeting")) {
                boolean online = !n.path("mode").asString().equals("IN_PERSON");
                List<String> matters = new ArrayList<>();
                n.path("restrictedMatters").forEach(m -> matters.add(m.asString()));
                boolean excluded = matters.contains("STATE_SECRET") || matters.contains("PERSONNEL");
                rG8 += online && excluded ? 1 : 0;
                onlineClean += online && !excluded ? 1 : 0;
                inPersonRestricted += !online && excluded ? 1 : 0;
                if (online || !matters.isEmpty()) {
                    changed.add(n.path("reference").asString());
                }
            }
        }
        assertThat(rG8).isEqualTo(with.truth().lines().filter(l -> l.contains("\"R-G8\"")).count()).isGreaterThan(20);
        assertThat(onlineClean).as("near misses online").isGreaterThan(20);
        assertThat(inPersonRestricted).as("near misses in person").isGreaterThan(20);
        // every other line of the year, and every other finding, is what it was before R-G8 was injected
        assertThat(with.year().lines().skip(1).filter(l -> changed.stream().noneMatch(l::contains))
                .filter(l -> !l.startsWith("{\"record\":\"online-eligibility\"")).toList())
                .isEqualTo(without.year().lines().skip(1).filter(l -> changed.stream().noneMatch(l::contains)).toList());
        assertThat(with.truthLines().stream().filter(l -> !l.contains("\"R-G8\"")).toList()).isEqualTo(without.truthLines());
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOrYearOtherBytes() {
        String[] again = FullYear.digests(new MeetingYearGenerator(year.city, FullYear.SEED, FullYear.YEAR, FullYear.REFERENCE,
                AnomalyShares.defaults()));
        assertThat(again).containsExactly(year.yearSha256, year.truthSha256);

        CityRolls part = year.city.firstBranches(300);
        String[] base = FullYear.digests(new MeetingYearGenerator(part, 42, 2025, FullYear.REFERENCE, AnomalyShares.defaults()));
        String[] otherSeed = FullYear.digests(new MeetingYearGenerator(part, 43, 2025, FullYear.REFERENCE, AnomalyShares.defaults()));
        String[] otherYear = FullYear.digests(new MeetingYearGenerator(FullYear.city(1).firstBranches(300), 1, 2024,
                FullYear.REFERENCE, AnomalyShares.defaults()));
        assertThat(otherSeed[0]).isNotEqualTo(base[0]);
        assertThat(otherYear[0]).isNotEqualTo(base[0]);
        assertThat(otherSeed[1]).isNotEqualTo(base[1]);
    }

    @Test
    void theFirstBranchesOfTheCityGetTheSameYearAsInTheWholeCity() throws IOException {
        FullYear.Small part = FullYear.small(new MeetingYearGenerator(year.city.firstBranches(40), 42, 2025,
                FullYear.REFERENCE, AnomalyShares.defaults()), 42);
        List<String> lines = part.year().lines().toList();
        List<String> whole;
        try (Stream<String> stream = Files.lines(year.yearFile)) {
            whole = stream.limit(lines.size()).toList();
        }
        // the header names how many branches there are; everything after it is a prefix of the whole year
        assertThat(lines.subList(1, lines.size())).isEqualTo(whole.subList(1, whole.size()));
        assertThat(Files.readAllLines(year.truthFile).subList(0, part.truthLines().size())).isEqualTo(part.truthLines());
    }

    @Test
    void anotherSeedAndAnEarlierYearAreAsExactOnTheFirstThousandBranches() throws IOException {
        for (long seed : new long[] {7, 1}) {
            int y = seed == 7 ? 2025 : 2024;
            FullYear.Small small = FullYear.small(new MeetingYearGenerator(FullYear.city(seed).firstBranches(1000), seed, y,
                    FullYear.REFERENCE, AnomalyShares.defaults()), seed);
            List<String> found = new InspectionOracle().inspect(small.yearReader()).stream().map(Finding::toJson).toList();
            assertThat(found).as("seed " + seed + ", year " + y).isNotEmpty().isEqualTo(small.truthLines());
            assertThat(small.invariants().problems).as("seed " + seed + ", year " + y).isEmpty();
            assertThat(small.summary().meanAttendance()).isGreaterThan(0.93);
        }
    }

    @Test
    void withoutSharesTheYearIsSpotless() throws IOException {
        FullYear.Small small = FullYear.small(new MeetingYearGenerator(year.city.firstBranches(500), 42, 2025,
                FullYear.REFERENCE, AnomalyShares.none()), 42);
        assertThat(small.truth()).isEmpty();
        assertThat(small.summary().meetings()).isEqualTo(500 * 16);
        assertThat(new InspectionOracle().inspect(small.yearReader())).isEmpty();
        assertThat(small.invariants().problems).isEmpty();
    }

    @Test
    void theGroundTruthLinesCarryTheRuleTheBranchAndTheNaturalKey() throws IOException {
        Map<String, List<String>> keysByRule = new HashMap<>();
        for (String line : Files.readAllLines(year.truthFile)) {
            JsonNode f = JSON.readTree(line);
            List<String> fields = new ArrayList<>();
            f.propertyNames().forEach(fields::add);
            keysByRule.putIfAbsent(f.path("rule").asString(), fields);
            assertThat(f.path("branchCode").asString()).startsWith("HP.");
        }
        assertThat(keysByRule.get("R-P1")).containsExactly("rule", "branchCode", "period");
        assertThat(keysByRule.get("R-P2")).containsExactly("rule", "branchCode", "period");
        assertThat(keysByRule.get("R-G1")).containsExactly("rule", "branchCode", "heldOn", "type", "presentOfficial", "official");
        assertThat(keysByRule.get("R-G2")).containsExactly("rule", "branchCode", "heldOn", "type", "present", "expected");
        assertThat(keysByRule.get("R-G3")).containsExactly("rule", "branchCode", "heldOn", "type", "inFavour", "official");
        assertThat(keysByRule.get("R-G5")).containsExactly("rule", "branchCode", "heldOn", "type", "missing");
        assertThat(keysByRule.get("R-G6")).containsExactly("rule", "branchCode", "heldOn", "type", "minutes");
        assertThat(keysByRule.get("R-G7")).containsExactly("rule", "branchCode", "heldOn", "type", "closedOn", "days");
        assertThat(keysByRule.get("R-G8")).containsExactly("rule", "branchCode", "heldOn", "type", "restrictedMatters");
        assertThat(keysByRule.get("R-M1")).containsExactly("rule", "branchCode", "period", "cardNumber", "months", "absences");
        assertThat(keysByRule.get("R-M3")).containsExactly("rule", "branchCode", "period", "cardNumber", "cause");
    }

    @Test
    void theYearFileStartsWithItsHeaderAndGivesEachBranchItsLine() throws IOException {
        Map<String, Long> records;
        try (Stream<String> lines = Files.lines(year.yearFile)) {
            records = lines.map(l -> l.substring(11, l.indexOf('"', 11))).collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        }
        assertThat(Files.size(year.yearFile)).isEqualTo(year.summary.yearBytes());
        assertThat(Files.size(year.truthFile)).isEqualTo(year.summary.truthBytes());
        assertThat(records.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(year.summary.yearLines());
        assertThat(records).containsEntry("year", 1L).containsEntry("branch", 6232L)
                .containsEntry("exemption", (long) year.summary.exemptions())
                .containsEntry("meeting", (long) year.summary.meetings());
        assertThat(Files.readAllLines(year.yearFile).get(0)).isEqualTo("{\"record\":\"year\",\"seed\":42,\"year\":2025,"
                + "\"referenceDate\":\"2026-01-01\",\"shares\":\"R-P1=0.01,R-P2=0.01,R-G2=0.02,R-G1=0.005,R-G7=0.01,"
                + "R-G5=0.01,R-G3=0.005,R-G6=0.01,R-M1=0.003,R-M2=0.003,R-G8=0.004\",\"branches\":6232}");
    }

    @Test
    void theYearMustBeOverByTheReferenceDateAndLeaveEveryBranchAChairAndAMinuteTaker() {
        assertThat(MeetingYearGenerator.defaultYear(LocalDate.of(2026, 1, 1))).isEqualTo(2025);
        assertThat(MeetingYearGenerator.defaultYear(LocalDate.of(2025, 7, 1))).isEqualTo(2024);
        assertThatThrownBy(() -> MeetingYearGenerator.checkYear(2026, LocalDate.of(2026, 1, 1)))
                .hasMessageContaining("2025 or earlier, not 2026");
        // seed 42's city has branches whose every official member came after 1 January 2024
        assertThatThrownBy(() -> new MeetingYearGenerator(year.city, 42, 2024, FullYear.REFERENCE, AnomalyShares.defaults()))
                .hasMessageContaining("on 1 January 2024 3 branches").hasMessageContaining("no official one");
    }

    @Test
    void sharesAreReadByRuleAndChecked() {
        AnomalyShares s = AnomalyShares.parse("R-G2=0.05, R-M1=0");
        assertThat(s.of(Anomaly.LOW_ATTENDANCE)).isEqualTo(0.05);
        assertThat(s.of(Anomaly.ABSENCE_STREAK)).isZero();
        assertThat(s.of(Anomaly.MISSED_MONTH)).isEqualTo(0.01);
        assertThatThrownBy(() -> AnomalyShares.parse("R-X9=0.1")).hasMessageContaining("no anomaly for rule R-X9");
        assertThatThrownBy(() -> AnomalyShares.parse("R-G2=2")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> AnomalyShares.parse("R-G2=lots")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> AnomalyShares.parse("R-G2=0.5,R-G5=0.6")).hasMessageContaining("more than 1");
    }
}
