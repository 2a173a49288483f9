package org.chibo.citysim.meetings;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inspects a year file the way the inspection rules of domain.md read, knowing nothing of what the generator meant
 * to inject: the check that the ground truth is complete and exact. It reads only the file (each meeting's roster
 * with every member's status and exemption on the day) and applies the rule table with {@link Thresholds}: the
 * meeting rules R-G1 … R-G9 (R-G8: excluded restricted matters of an ONLINE or HYBRID meeting), the calendar rules R-P1 and R-P2, R-M1 and R-M2 with their R-M3. Exempt members are
 * out of every count. Streams the file: it keeps only, per branch, the months and quarters met and, per member, the
 * months of absence without reason and of dues unpaid.
 * <p>
 * R-M2 reads the collection sheets: a member owes each month they have a row for (on the rolls), unless an exemption
 * line touches that month or their branch had recorded no payment yet in the year up to it (the platform judges a
 * branch's dues from the first month it kept them); a month is unpaid when less than its due was paid. R-M3 names the
 * rules that reached their threshold, first reached first: R-M1 on the day of the absence that made the months enough,
 * R-M2 on the last day of the month that did.
 */
public final class InspectionOracle {

    /**
     * The thresholds, as fractions so that nothing is lost to floating point.
     *
     * @param targetNumerator   R-G2: present / expected must be at least this fraction (9/10)
     * @param quorumNumerator   R-G1: official members present must be at least this fraction of them (2/3)
     * @param lateAfterDays     R-G7: minutes closed more than this many days after the meeting
     * @param minMinutes        R-G6: a meeting shorter than this
     * @param absenceMonths     R-M1: distinct months with an absence without reason
     * @param arrearsMonths     R-M2: months with dues owed and not paid in full
     * @param onlineExcluded    R-G8: the restricted matters an ONLINE or HYBRID meeting may not handle
     */
    public record Thresholds(int targetNumerator, int targetDenominator, int quorumNumerator, int quorumDenominator,
                             int lateAfterDays, int minMinutes, int absenceMonths, int arrearsMonths,
                             Set<String> onlineExcluded) {

        public static Thresholds defaults() {
            return new Thresholds(9, 10, 2, 3, 7, 90, 3, 3, Set.of("STATE_SECRET", "PERSONNEL"));
        }
    }

    /** Which status to count a member by: by default the one the roster line gives for the day. */
    @FunctionalInterface
    public interface StatusReading {
        String status(String cardNumber, String statusOnTheDay);
    }

    /** Every part R-G5 requires, as the meeting request names it, in the order findings list them. */
    static final List<String> REQUIRED_PARTS = List.of("attendance", "chairId", "minuteTakerId", "contentItems", "conclusion",
            "resolution.text", "signedByChair", "signedByMinuteTaker");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Thresholds thresholds;
    private final StatusReading reading;

    public InspectionOracle(Thresholds thresholds, StatusReading reading) {
        this.thresholds = thresholds;
        this.reading = reading;
    }

    public InspectionOracle() {
        this(Thresholds.defaults(), (card, onTheDay) -> onTheDay);
    }

    /** One branch's year as far as the calendar and member rules need it. */
    private static final class BranchRecord {
        final BitSet regularMonths = new BitSet(13);
        final BitSet thematicQuarters = new BitSet(5);
        final List<Finding> findings = new ArrayList<>();
    }

    /** A member's absences without reason: the distinct months (with the first day missed in each) and how many meetings. */
    private static final class Absences {
        final String branchCode;
        final TreeMap<YearMonth, LocalDate> months = new TreeMap<>();
        int meetings;

        Absences(String branchCode) {
            this.branchCode = branchCode;
        }
    }

    public List<Finding> inspect(Path yearFile) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(yearFile, StandardCharsets.UTF_8)) {
            return inspect(in);
        }
    }

    public List<Finding> inspect(BufferedReader in) throws IOException {
        Map<String, BranchRecord> branches = new LinkedHashMap<>();
        Map<String, Absences> absences = new LinkedHashMap<>();
        Map<String, Dues> dues = new LinkedHashMap<>();
        Map<String, List<Exemption>> exempt = new HashMap<>();
        Map<String, YearMonth> keptFrom = new HashMap<>();
        int year = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            switch (n.path("record").asString()) {
                case "year" -> year = n.path("year").asInt();
                case "branch" -> branches.computeIfAbsent(n.path("branchCode").asString(), c -> new BranchRecord());
                case "meeting" -> {
                    String code = n.path("branchCode").asString();
                    BranchRecord branch = branches.computeIfAbsent(code, c -> new BranchRecord());
                    meeting(n, branch, absences);
                }
                case "exemption" -> exempt.computeIfAbsent(n.path("cardNumber").asString(), c -> new ArrayList<>())
                        .add(new Exemption(n.path("branchCode").asString(), n.path("cardNumber").asString(), n.path("reason").asString(),
                                LocalDate.parse(n.path("from").asString()),
                                n.hasNonNull("until") ? LocalDate.parse(n.path("until").asString()) : null));
                case "dues" -> sheet(n, dues, keptFrom);
                default -> {
                    // the header and the branch lines say nothing a rule reads
                }
            }
        }
        for (Map.Entry<String, BranchRecord> e : branches.entrySet()) {
            calendar(e.getKey(), e.getValue(), year);
        }
        Map<String, LocalDate> reachedOn = new LinkedHashMap<>();
        for (Map.Entry<String, Absences> e : absences.entrySet()) {
            Absences a = e.getValue();
            if (a.months.size() >= thresholds.absenceMonths()) {
                branches.get(a.branchCode).findings.add(Finding.ofMember("R-M1", a.branchCode, e.getKey(), year, Finding.figures(
                        "months", a.months.keySet().stream().map(YearMonth::toString).toList(), "absences", a.meetings)));
                reachedOn.put("R-M1 " + e.getKey(), a.months.values().stream().toList().get(thresholds.absenceMonths() - 1));
            }
        }
        for (Map.Entry<String, Dues> e : dues.entrySet()) {
            Dues d = e.getValue();
            List<YearMonth> unpaid = d.unpaid(keptFrom.get(d.branchCode), exempt.getOrDefault(e.getKey(), List.of()));
            if (unpaid.size() >= thresholds.arrearsMonths()) {
                branches.get(d.branchCode).findings.add(Finding.ofMember("R-M2", d.branchCode, e.getKey(), year,
                        Finding.figures("months", unpaid.stream().map(YearMonth::toString).toList())));
                reachedOn.put("R-M2 " + e.getKey(), unpaid.get(thresholds.arrearsMonths() - 1).atEndOfMonth());
            }
        }
        removals(branches, absences, dues, reachedOn, year);
        List<Finding> all = new ArrayList<>();
        for (BranchRecord b : branches.values()) {
            b.findings.sort(Finding.WITHIN_BRANCH);
            all.addAll(b.findings);
        }
        return all;
    }

    /** A member's dues as the sheets show them: per month on the rolls, what was due and what was paid. */
    private static final class Dues {
        final String branchCode;
        final TreeMap<YearMonth, long[]> months = new TreeMap<>();

        Dues(String branchCode) {
            this.branchCode = branchCode;
        }

        List<YearMonth> unpaid(YearMonth keptFrom, List<Exemption> exemptions) {
            List<YearMonth> unpaid = new ArrayList<>();
            months.forEach((month, dueAndPaid) -> {
                boolean excused = exemptions.stream().anyMatch(e -> !e.from().isAfter(month.atEndOfMonth())
                        && (e.until() == null || !e.until().isBefore(month.atDay(1))));
                if (keptFrom != null && !month.isBefore(keptFrom) && !excused && dueAndPaid[1] < dueAndPaid[0]) {
                    unpaid.add(month);
                }
            });
            return unpaid;
        }
    }

    private static void sheet(JsonNode n, Map<String, Dues> dues, Map<String, YearMonth> keptFrom) {
        String code = n.path("branchCode").asString();
        YearMonth month = YearMonth.parse(n.path("month").asString());
        for (JsonNode row : n.path("rows")) {
            long amount = row.path("amount").asLong();
            dues.computeIfAbsent(row.path("cardNumber").asString(), c -> new Dues(code)).months
                    .merge(month, new long[] {row.path("due").asLong(), amount}, (a, b) -> new long[] {b[0], a[1] + b[1]});
            if (amount > 0) {
                keptFrom.merge(code, month, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
    }

    /** One R-M3 per member whose R-M1 or R-M2 stands, naming the rules in the order their thresholds were reached. */
    private static void removals(Map<String, BranchRecord> branches, Map<String, Absences> absences, Map<String, Dues> dues,
                                 Map<String, LocalDate> reachedOn, int year) {
        Map<String, List<Map.Entry<String, LocalDate>>> byMember = new LinkedHashMap<>();
        reachedOn.forEach((ruleAndCard, on) -> {
            String[] parts = ruleAndCard.split(" ");
            byMember.computeIfAbsent(parts[1], c -> new ArrayList<>()).add(Map.entry(parts[0], on));
        });
        byMember.forEach((card, grounds) -> {
            grounds.sort(Map.Entry.<String, LocalDate>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            String code = absences.containsKey(card) ? absences.get(card).branchCode : dues.get(card).branchCode;
            branches.get(code).findings.add(Finding.ofMember("R-M3", code, card, year, Finding.figures("cause",
                    String.join(",", grounds.stream().map(Map.Entry::getKey).toList()))));
        });
    }

    private void meeting(JsonNode n, BranchRecord branch, Map<String, Absences> absences) {
        String code = n.path("branchCode").asString();
        MeetingType type = MeetingType.valueOf(n.path("type").asString());
        LocalDate heldOn = LocalDate.parse(n.path("heldOn").asString());
        if (type == MeetingType.REGULAR) {
            branch.regularMonths.set(heldOn.getMonthValue());
        } else {
            branch.thematicQuarters.set((heldOn.getMonthValue() + 2) / 3);
        }
        int expected = 0, present = 0, official = 0, presentOfficial = 0;
        for (JsonNode a : n.path("attendance")) {
            if (a.path("exempt").asBoolean(false)) {
                continue;
            }
            String card = a.path("cardNumber").asString();
            String attendance = a.path("status").asString();
            boolean here = "PRESENT".equals(attendance);
            boolean isOfficial = "OFFICIAL".equals(reading.status(card, a.path("memberStatus").asString()));
            expected++;
            present += here ? 1 : 0;
            official += isOfficial ? 1 : 0;
            presentOfficial += isOfficial && here ? 1 : 0;
            if ("ABSENT_UNEXCUSED".equals(attendance)) {
                Absences streak = absences.computeIfAbsent(card, c -> new Absences(code));
                streak.months.merge(YearMonth.from(heldOn), heldOn, (earlier, later) -> earlier.isBefore(later) ? earlier : later);
                streak.meetings++;
            }
        }
        List<Finding> found = branch.findings;
        Thresholds t = thresholds;
        if (official > 0 && (long) presentOfficial * t.quorumDenominator() < (long) t.quorumNumerator() * official) {
            found.add(finding("R-G1", code, heldOn, type, "presentOfficial", presentOfficial, "official", official));
        }
        if (expected > 0 && (long) present * t.targetDenominator() < (long) t.targetNumerator() * expected) {
            found.add(finding("R-G2", code, heldOn, type, "present", present, "expected", expected));
        }
        JsonNode vote = n.path("vote");
        JsonNode resolution = n.path("minutes").path("resolution");
        int inFavour = vote.path("inFavour").asInt(0);
        if (resolution.path("adopted").asBoolean(false) && 2 * inFavour <= official) {
            found.add(finding("R-G3", code, heldOn, type, "inFavour", inFavour, "official", official));
        }
        int voters = inFavour + vote.path("against").asInt(0) + vote.path("abstained").asInt(0);
        if (voters > presentOfficial) {
            found.add(finding("R-G4", code, heldOn, type, "voters", voters, "presentOfficial", presentOfficial));
        }
        List<String> missing = missingParts(n);
        if (!missing.isEmpty()) {
            found.add(finding("R-G5", code, heldOn, type, "missing", missing));
        }
        if (n.hasNonNull("startedAt") && n.hasNonNull("endedAt")) {
            long minutes = Duration.between(Instant.parse(n.path("startedAt").asString()),
                    Instant.parse(n.path("endedAt").asString())).toMinutes();
            if (minutes < t.minMinutes()) {
                found.add(finding("R-G6", code, heldOn, type, "minutes", (int) minutes));
            }
        }
        LocalDate closedOn = LocalDate.parse(n.path("closedOn").asString());
        long days = ChronoUnit.DAYS.between(heldOn, closedOn);
        if (days > t.lateAfterDays()) {
            found.add(finding("R-G7", code, heldOn, type, "closedOn", closedOn.toString(), "days", (int) days));
        }
        if (!"IN_PERSON".equals(n.path("mode").asString("IN_PERSON"))) {
            List<String> excluded = new ArrayList<>();
            n.path("restrictedMatters").forEach(matter -> excluded.add(matter.asString()));
            excluded.retainAll(t.onlineExcluded());
            if (!excluded.isEmpty()) {
                found.add(finding("R-G8", code, heldOn, type, "restrictedMatters", excluded.stream().distinct().sorted().toList()));
            }
        }
        if (type == MeetingType.THEMATIC && n.path("topic").asString("").isBlank()) {
            found.add(finding("R-G9", code, heldOn, type));
        }
    }

    private static List<String> missingParts(JsonNode n) {
        JsonNode minutes = n.path("minutes");
        List<String> missing = new ArrayList<>();
        for (String part : REQUIRED_PARTS) {
            boolean absent = switch (part) {
                case "attendance" -> n.path("attendance").isEmpty();
                case "chairId" -> minutes.path("chairCardNumber").asString("").isBlank();
                case "minuteTakerId" -> minutes.path("minuteTakerCardNumber").asString("").isBlank();
                case "contentItems" -> minutes.path("contentItems").isEmpty();
                case "conclusion" -> minutes.path("conclusion").asString("").isBlank();
                case "resolution.text" -> minutes.path("resolution").path("text").asString("").isBlank();
                case "signedByChair" -> !minutes.path("signedByChair").asBoolean(false);
                case "signedByMinuteTaker" -> !minutes.path("signedByMinuteTaker").asBoolean(false);
                default -> throw new IllegalStateException(part);
            };
            if (absent) {
                missing.add(part);
            }
        }
        return missing;
    }

    private void calendar(String code, BranchRecord branch, int year) {
        for (int month = 1; month <= 12; month++) {
            if (!branch.regularMonths.get(month)) {
                branch.findings.add(Finding.ofPeriod("R-P1", code, YearMonth.of(year, month).toString()));
            }
        }
        for (int quarter = 1; quarter <= 4; quarter++) {
            if (!branch.thematicQuarters.get(quarter)) {
                branch.findings.add(Finding.ofPeriod("R-P2", code, year + "-Q" + quarter));
            }
        }
    }

    private static Finding finding(String rule, String code, LocalDate heldOn, MeetingType type, Object... figures) {
        return new Finding(rule, code, heldOn, type, null, null, Finding.figures(figures));
    }
}
