package org.chibo.citysim.meetings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.chibo.citysim.CityProfile;

import tools.jackson.databind.JsonNode;

/**
 * The findings an inspection service following its README raises for the lines of a ground truth, as
 * {@code GET /api/v1/findings} lists them, with {@link PlatformStub}'s ids ({@code unit-<code>}, {@code member-<card>}):
 * its finding ids, its evidence names, R-G5's parts named as the service groups them.
 */
public final class RaisedFindings {

    private RaisedFindings() {
    }

    /** The ground truth of the default year (seed 42, 2025, default shares) for the city's first branches. */
    public static List<Finding> truthOfFirstBranches(int branches) {
        LocalDate referenceDate = LocalDate.of(2026, 1, 1);
        CityRolls city = CityRolls.generate(CityProfile.bundled(), 42, referenceDate).firstBranches(branches);
        ByteArrayOutputStream truth = new ByteArrayOutputStream();
        try {
            new MeetingYearGenerator(city, 42, 2025, referenceDate, AnomalyShares.defaults())
                    .writeTo(OutputStream.nullOutputStream(), truth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return truth.toString(StandardCharsets.UTF_8).lines().map(Finding::parse).toList();
    }

    public static List<JsonNode> of(List<Finding> truth) {
        return truth.stream().map(RaisedFindings::of).toList();
    }

    public static JsonNode of(Finding t) {
        String branchId = "unit-" + t.branchCode();
        String meetingId = t.heldOn() == null ? null : "meeting-" + t.branchCode() + "-" + t.heldOn();
        Map<String, Object> evidence = new LinkedHashMap<>();
        Map<String, Object> f = t.figures();
        String id = t.rule() + ":" + meetingId;
        String occurredOn = t.heldOn() == null ? null : t.heldOn().toString();
        List<String> memberIds = List.of();
        switch (t.rule()) {
            case "R-P1", "R-P2" -> {
                id = t.rule() + ":" + branchId + ":" + t.period();
                evidence.put("period", t.period());
                evidence.put("meetingsRecorded", 0);
                occurredOn = periodEnd(t.period()).toString();
            }
            case "R-G1" -> {
                evidence.put("presentOfficial", f.get("presentOfficial"));
                evidence.put("expectedOfficial", f.get("official"));
                evidence.put("quorum", 0.666666666667);
            }
            case "R-G2" -> {
                evidence.put("present", f.get("present"));
                evidence.put("expected", f.get("expected"));
                evidence.put("target", 0.9);
            }
            case "R-G3" -> {
                evidence.put("vote", "GIVEN");
                evidence.put("inFavour", f.get("inFavour"));
                evidence.put("officialMembers", f.get("official"));
            }
            case "R-G5" -> {
                List<String> missing = new ArrayList<>();
                for (Object part : (List<?>) f.get("missing")) {
                    String named = part.equals("resolution.text") ? "resolution"
                            : part.toString().startsWith("signedBy") ? "signatures" : part.toString();
                    if (!missing.contains(named)) {
                        missing.add(named);
                    }
                }
                evidence.put("missing", missing);
                evidence.put("minutesGiven", true);
            }
            case "R-G6" -> {
                evidence.put("minutes", f.get("minutes"));
                evidence.put("minimumMinutes", 90);
            }
            case "R-G7" -> {
                evidence.put("heldOn", occurredOn);
                evidence.put("closedOn", f.get("closedOn"));
                evidence.put("closedOnFrom", "closedOn");
                evidence.put("days", f.get("days"));
            }
            case "R-G8" -> {
                evidence.put("mode", "ONLINE");
                evidence.put("restrictedMatters", f.get("restrictedMatters"));
            }
            case "R-M1", "R-M2", "R-M3" -> {
                String memberId = "member-" + t.cardNumber();
                id = t.rule() + ":" + memberId + ":" + t.period();
                memberIds = List.of(memberId);
                evidence.put("year", Integer.parseInt(t.period()));
                if (t.rule().equals("R-M1")) {
                    List<?> months = (List<?>) f.get("months");
                    evidence.put("months", months);
                    evidence.put("monthCount", months.size());
                    evidence.put("meetingIds", IntStream.range(0, (Integer) f.get("absences")).mapToObj(i -> "meeting-" + i).toList());
                    occurredOn = YearMonth.parse(months.getLast().toString()).atDay(1).toString();
                } else if (t.rule().equals("R-M2")) {
                    List<?> months = (List<?>) f.get("months");
                    evidence.put("months", months);
                    evidence.put("monthCount", months.size());
                    evidence.put("threshold", 3);
                    occurredOn = YearMonth.parse(months.get(2).toString()).atEndOfMonth().toString();
                } else {
                    evidence.put("because", List.of(f.get("cause").toString().split(",")));
                }
            }
            default -> throw new IllegalArgumentException("no such finding in a ground truth: " + t.rule());
        }
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("id", id);
        finding.put("ruleId", t.rule());
        finding.put("branchId", branchId);
        finding.put("meetingId", meetingId);
        finding.put("occurredOn", occurredOn);
        finding.put("memberIds", memberIds);
        finding.put("evidence", evidence);
        finding.put("status", "OPEN");
        return PlatformStub.JSON.valueToTree(finding);
    }

    private static LocalDate periodEnd(String period) {
        return period.contains("Q") ? YearMonth.of(Integer.parseInt(period.substring(0, 4)), 3 * (period.charAt(6) - '0')).atEndOfMonth()
                : YearMonth.parse(period).atEndOfMonth();
    }
}
