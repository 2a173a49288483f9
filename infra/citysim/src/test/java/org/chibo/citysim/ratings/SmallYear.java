package org.chibo.citysim.ratings;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chibo.citysim.meetings.CityRolls;
import org.chibo.citysim.meetings.Finding;
import org.chibo.citysim.meetings.GeneratedMeeting;
import org.chibo.citysim.meetings.MeetingType;

/**
 * A hand-made city and year for the oracle's tests: the city HP, direct committee HP.D01, grassroots committee
 * HP.D01.G001 with a partial committee HP.D01.G001.P01, and branches added by the test; a branch's year is its 12
 * regular meetings (the 10th of each month) and 4 thematic ones (the 20th of the middle month of each quarter), all
 * closed the same day and every member present, unless the test says otherwise.
 */
final class SmallYear {

    static final int YEAR = 2025;
    static final String GRASSROOTS = "HP.D01.G001";

    private final StringBuilder city = new StringBuilder("""
            {"record":"unit","code":"HP","name":"city","kind":"CITY_COMMITTEE"}
            {"record":"unit","code":"HP.D01","name":"district","kind":"DIRECT_COMMITTEE","parentCode":"HP"}
            {"record":"unit","code":"HP.D01.G001","name":"ward","kind":"GRASSROOTS_COMMITTEE","parentCode":"HP.D01"}
            {"record":"unit","code":"HP.D01.G001.P01","name":"partial","kind":"PARTIAL_COMMITTEE","parentCode":"HP.D01.G001"}
            """);
    private final Map<String, List<String>> members = new LinkedHashMap<>();
    private final Map<String, LocalDate> admitted = new HashMap<>();
    private final Map<String, Map<Integer, GeneratedMeeting.Presence>> absences = new HashMap<>();
    private final Set<String> exemptAllYear = new HashSet<>();
    private final Map<String, Set<Integer>> skipped = new HashMap<>();
    private final Map<String, Set<Integer>> late = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    /** A branch under {@code parentCode} with members {@code <code>-1} … {@code <code>-n}. */
    SmallYear branch(String code, String kind, String parentCode, int n) {
        city.append("{\"record\":\"unit\",\"code\":\"").append(code).append("\",\"name\":\"").append(code)
                .append("\",\"kind\":\"").append(kind).append("\",\"parentCode\":\"").append(parentCode)
                .append("\",\"branchKind\":\"AGENCY\"}\n");
        List<String> cards = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            cards.add(code + "-" + (i < 10 ? "0" : "") + i);
        }
        members.put(code, cards);
        return this;
    }

    SmallYear branch(String code, int n) {
        return branch(code, "BRANCH", GRASSROOTS, n);
    }

    /** The member is admitted on that day (before it: on no roster; after 31 December: not rated). */
    SmallYear admitted(String card, LocalDate on) {
        admitted.put(card, on);
        return this;
    }

    /** Absent from the meeting with this index (0–11 the regular meetings by month, 12–15 the thematic ones). */
    SmallYear absent(String card, GeneratedMeeting.Presence how, int... meetings) {
        for (int i : meetings) {
            absences.computeIfAbsent(card, c -> new HashMap<>()).put(i, how);
        }
        return this;
    }

    SmallYear exemptAllYear(String card) {
        exemptAllYear.add(card);
        return this;
    }

    /** No meeting with this index. */
    SmallYear skip(String branch, int... meetings) {
        for (int i : meetings) {
            skipped.computeIfAbsent(branch, b -> new HashSet<>()).add(i);
        }
        return this;
    }

    /** The meeting with this index is closed 8 days after it was held. */
    SmallYear late(String branch, int... meetings) {
        for (int i : meetings) {
            late.computeIfAbsent(branch, b -> new HashSet<>()).add(i);
        }
        return this;
    }

    SmallYear finding(Finding f) {
        findings.add(f);
        return this;
    }

    CityRolls city() {
        StringBuilder text = new StringBuilder(city);
        members.forEach((branch, cards) -> cards.forEach(card -> text.append("{\"record\":\"member\",\"cardNumber\":\"")
                .append(card).append("\",\"fullName\":\"Nguyễn Văn ").append(card).append("\",\"gender\":\"MALE\",")
                .append("\"birthDate\":\"1970-01-01\",\"branchCode\":\"").append(branch).append("\",\"status\":\"OFFICIAL\",")
                .append("\"admittedOn\":\"").append(admitted.getOrDefault(card, LocalDate.of(2000, 1, 1)))
                .append("\",\"recognisedOn\":\"2001-02-01\"}\n")));
        return CityRolls.parse(text.toString());
    }

    /** The oracle of this year, every subject named by its code or card number. */
    RatingOracle oracle() {
        RatingOracle oracle = new RatingOracle(city(), YEAR, Thresholds.defaults(), Ids.NATURAL);
        members.keySet().forEach(branch -> meetings(branch).forEach(oracle::meeting));
        findings.forEach(oracle::finding);
        return oracle;
    }

    List<GeneratedMeeting> meetings(String branch) {
        List<GeneratedMeeting> meetings = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            if (skipped.getOrDefault(branch, Set.of()).contains(i)) {
                continue;
            }
            boolean regular = i < 12;
            LocalDate heldOn = regular ? LocalDate.of(YEAR, i + 1, 10) : LocalDate.of(YEAR, (i - 12) * 3 + 2, 20);
            String period = regular ? String.format("%d-%02d", YEAR, i + 1) : YEAR + "-Q" + (i - 11);
            List<GeneratedMeeting.Attendee> attendance = new ArrayList<>();
            for (String card : members.get(branch)) {
                if (admitted.containsKey(card) && admitted.get(card).isAfter(heldOn)) {
                    continue;
                }
                boolean exempt = exemptAllYear.contains(card);
                GeneratedMeeting.Presence p = exempt ? GeneratedMeeting.Presence.ABSENT_EXCUSED
                        : absences.getOrDefault(card, Map.of()).getOrDefault(i, GeneratedMeeting.Presence.PRESENT);
                attendance.add(new GeneratedMeeting.Attendee(card, "OFFICIAL", exempt, p,
                        p == GeneratedMeeting.Presence.ABSENT_EXCUSED ? "ốm" : null));
            }
            String tasked = members.get(branch).getFirst();
            GeneratedMeeting.Minutes minutes = new GeneratedMeeting.Minutes(tasked, tasked, List.of("item"), "conclusion",
                    new GeneratedMeeting.Resolution("resolution", true, List.of(new GeneratedMeeting.Task(tasked, "task",
                            heldOn.plusDays(14)))), true, true);
            meetings.add(new GeneratedMeeting("test:" + branch + ":" + i, branch, regular ? MeetingType.REGULAR : MeetingType.THEMATIC,
                    period, heldOn, heldOn.atTime(19, 0).toInstant(ZoneOffset.ofHours(7)),
                    heldOn.atTime(21, 0).toInstant(ZoneOffset.ofHours(7)), "hall", regular ? null : "topic",
                    heldOn.plusDays(late.getOrDefault(branch, Set.of()).contains(i) ? 8 : 7), attendance,
                    new GeneratedMeeting.Vote(1, 0, 0), minutes));
        }
        return meetings;
    }
}
