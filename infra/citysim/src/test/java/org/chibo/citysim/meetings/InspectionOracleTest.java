package org.chibo.citysim.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The oracle on hand-written year files: each rule at its threshold, exempt members out of the counts. */
class InspectionOracleTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BRANCH = "HP.D01.B001";

    /** A clean meeting of {@code officials} official and {@code probationary} probationary members, all present. */
    static ObjectNode meeting(String type, String heldOn, int officials, int probationary) {
        ObjectNode m = JSON.createObjectNode();
        m.put("record", "meeting").put("branchCode", BRANCH).put("type", type).put("heldOn", heldOn)
                .put("startedAt", heldOn + "T12:30:00Z").put("endedAt", heldOn + "T14:00:00Z").put("closedOn", heldOn);
        if (type.equals("THEMATIC")) {
            m.put("topic", "Công tác phát triển đảng viên");
        }
        ArrayNode attendance = m.putArray("attendance");
        for (int i = 0; i < officials + probationary; i++) {
            attendance.addObject().put("cardNumber", "HP" + (10000000 + i)).put("memberStatus", i < officials ? "OFFICIAL" : "PROBATIONARY")
                    .put("status", "PRESENT");
        }
        m.putObject("vote").put("inFavour", officials).put("against", 0).put("abstained", 0);
        ObjectNode minutes = m.putObject("minutes");
        minutes.put("chairCardNumber", "HP10000000").put("minuteTakerCardNumber", "HP10000001");
        minutes.putArray("contentItems").add("Thông tin thời sự").add("Nhiệm vụ tháng tới");
        minutes.put("conclusion", "Kết luận");
        ObjectNode resolution = minutes.putObject("resolution").put("text", "Nghị quyết").put("adopted", true);
        resolution.putArray("tasks");
        minutes.put("signedByChair", true).put("signedByMinuteTaker", true);
        return m;
    }

    /** A whole year of clean meetings for the branch: 12 regular on the 10th, 4 thematic on the 20th. */
    static List<ObjectNode> cleanYear(int officials, int probationary) {
        List<ObjectNode> year = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            year.add(meeting("REGULAR", String.format("2025-%02d-10", month), officials, probationary));
            if (month % 3 == 2) {
                year.add(meeting("THEMATIC", String.format("2025-%02d-20", month), officials, probationary));
            }
        }
        return year;
    }

    static List<String> inspect(List<ObjectNode> meetings) throws IOException {
        StringBuilder file = new StringBuilder("{\"record\":\"year\",\"year\":2025}\n");
        file.append("{\"record\":\"branch\",\"branchCode\":\"" + BRANCH + "\"}\n");
        meetings.forEach(m -> file.append(m).append('\n'));
        return new InspectionOracle().inspect(new BufferedReader(new StringReader(file.toString()))).stream()
                .map(Finding::toJson).toList();
    }

    /** Marks a member absent; an official member's vote for the resolution goes with them. */
    static void absent(ObjectNode meeting, int index, String status, String reason) {
        ObjectNode line = (ObjectNode) meeting.path("attendance").get(index);
        if (line.path("memberStatus").asString().equals("OFFICIAL") && line.path("status").asString().equals("PRESENT")) {
            ObjectNode vote = (ObjectNode) meeting.path("vote");
            vote.put("inFavour", vote.path("inFavour").asInt() - 1);
        }
        line.put("status", status);
        if (reason != null) {
            line.put("reason", reason);
        }
    }

    @Test
    void aCleanYearHasNoFinding() throws IOException {
        assertThat(inspect(cleanYear(12, 2))).isEmpty();
    }

    @Test
    void aBranchWithNoMeetingMissesEveryMonthAndQuarter() throws IOException {
        List<String> found = inspect(List.of());
        assertThat(found).hasSize(16).startsWith("{\"rule\":\"R-P1\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025-01\"}")
                .endsWith("{\"rule\":\"R-P2\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025-Q4\"}");
    }

    @Test
    void aThematicMeetingDoesNotStandInForTheMonthsRegularOne() throws IOException {
        List<ObjectNode> year = cleanYear(10, 0);
        year.removeIf(m -> m.path("heldOn").asString().equals("2025-05-10"));
        assertThat(inspect(year)).containsExactly("{\"rule\":\"R-P1\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025-05\"}");
    }

    @Test
    void attendanceAtNinetyPercentIsOnTargetAndBelowItIsNot() throws IOException {
        List<ObjectNode> year = cleanYear(10, 0);
        absent(year.get(0), 9, "ABSENT_EXCUSED", "ốm");            // 9 of 10: on target
        absent(year.get(1), 8, "ABSENT_EXCUSED", "ốm");            // February's regular meeting: 8 of 10
        absent(year.get(1), 9, "ABSENT_EXCUSED", "đi công tác");
        assertThat(inspect(year)).containsExactly(
                "{\"rule\":\"R-G2\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-02-10\",\"type\":\"REGULAR\",\"present\":8,\"expected\":10}");
    }

    @Test
    void anOnlineMeetingThatHandledAStateSecretOrAPersonnelMatterIsR_G8AndNothingElseIs() throws IOException {
        List<ObjectNode> year = cleanYear(10, 0);
        year.get(0).put("mode", "ONLINE").putArray("restrictedMatters").add("STATE_SECRET").add("DISCIPLINE").add("PERSONNEL");
        year.get(1).put("mode", "HYBRID").putArray("restrictedMatters").add("PERSONNEL");
        year.get(2).put("mode", "ONLINE").putArray("restrictedMatters").add("DISCIPLINE").add("OTHER_CONFIDENTIAL");
        year.get(3).put("mode", "ONLINE");
        year.get(4).put("mode", "IN_PERSON").putArray("restrictedMatters").add("STATE_SECRET");
        assertThat(inspect(year)).containsExactly(
                "{\"rule\":\"R-G8\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-01-10\",\"type\":\"REGULAR\",\"restrictedMatters\":[\"PERSONNEL\",\"STATE_SECRET\"]}",
                "{\"rule\":\"R-G8\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-02-10\",\"type\":\"REGULAR\",\"restrictedMatters\":[\"PERSONNEL\"]}");
    }

    @Test
    void exemptMembersAreOutOfEveryCount() throws IOException {
        List<ObjectNode> year = cleanYear(10, 0);
        for (int i = 7; i < 10; i++) {
            absent(year.get(0), i, "ABSENT_EXCUSED", "được miễn sinh hoạt đảng");
            ((ObjectNode) year.get(0).path("attendance").get(i)).put("exempt", true);
        }
        year.get(0).putObject("vote").put("inFavour", 4).put("against", 0).put("abstained", 0);
        // 7 of 7 present; 4 for is more than half of the 7 official members who count
        assertThat(inspect(year)).isEmpty();
    }

    @Test
    void quorumIsTwoThirdsOfTheOfficialMembersAndProbationaryOnesDoNotCount() throws IOException {
        List<ObjectNode> year = cleanYear(3, 3);
        absent(year.get(0), 2, "ABSENT_EXCUSED", "ốm");   // 2 of 3 officials: exactly two thirds, not below
        year.get(0).putObject("vote").put("inFavour", 2).put("against", 0).put("abstained", 0);
        absent(year.get(1), 1, "ABSENT_EXCUSED", "ốm");   // 1 of 3
        absent(year.get(1), 2, "ABSENT_EXCUSED", "ốm");
        year.get(1).putObject("vote").put("inFavour", 1).put("against", 0).put("abstained", 0);
        assertThat(inspect(year)).containsExactly(
                "{\"rule\":\"R-G1\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-02-10\",\"type\":\"REGULAR\",\"presentOfficial\":1,\"official\":3}",
                "{\"rule\":\"R-G2\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-01-10\",\"type\":\"REGULAR\",\"present\":5,\"expected\":6}",
                "{\"rule\":\"R-G2\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-02-10\",\"type\":\"REGULAR\",\"present\":4,\"expected\":6}",
                "{\"rule\":\"R-G3\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-02-10\",\"type\":\"REGULAR\",\"inFavour\":1,\"official\":3}");
    }

    @Test
    void aResolutionNeedsMoreThanHalfOfTheOfficialMembersAndOnlyOfficialOnesVote() throws IOException {
        List<ObjectNode> year = cleanYear(10, 2);
        year.get(0).putObject("vote").put("inFavour", 6).put("against", 4).put("abstained", 0);   // 6 of 10: carried
        year.get(2).putObject("vote").put("inFavour", 5).put("against", 3).put("abstained", 2);   // 5 of 10: not
        year.get(3).putObject("vote").put("inFavour", 11).put("against", 0).put("abstained", 0);  // 11 voters, 10 officials
        assertThat(inspect(year)).containsExactly(
                "{\"rule\":\"R-G3\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-02-20\",\"type\":\"THEMATIC\",\"inFavour\":5,\"official\":10}",
                "{\"rule\":\"R-G4\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-03-10\",\"type\":\"REGULAR\",\"voters\":11,\"presentOfficial\":10}");
    }

    @Test
    void missingPartsAreNamedInOrder() throws IOException {
        List<ObjectNode> year = cleanYear(5, 0);
        ObjectNode minutes = (ObjectNode) year.get(0).path("minutes");
        minutes.putNull("minuteTakerCardNumber");
        minutes.putArray("contentItems");
        minutes.put("signedByChair", false);
        ((ObjectNode) minutes.path("resolution")).putNull("text");
        assertThat(inspect(year)).containsExactly("{\"rule\":\"R-G5\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-01-10\","
                + "\"type\":\"REGULAR\",\"missing\":[\"minuteTakerId\",\"contentItems\",\"resolution.text\",\"signedByChair\"]}");
    }

    @Test
    void ninetyMinutesAndSevenDaysAreFineOneLessOrOneMoreIsNot() throws IOException {
        List<ObjectNode> year = cleanYear(5, 0);
        year.get(0).put("closedOn", "2025-01-17");                     // 7 days: in time
        year.get(2).put("closedOn", "2025-02-28");                     // 8 days after 2025-02-20: late
        year.get(3).put("endedAt", "2025-03-10T13:59:00Z");            // 89 minutes
        assertThat(inspect(year)).containsExactly(
                "{\"rule\":\"R-G6\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-03-10\",\"type\":\"REGULAR\",\"minutes\":89}",
                "{\"rule\":\"R-G7\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-02-20\",\"type\":\"THEMATIC\",\"closedOn\":\"2025-02-28\",\"days\":8}");
    }

    @Test
    void threeDistinctMonthsWithoutReasonMakeAStreakTwoDoNotWhateverTheCount() throws IOException {
        List<ObjectNode> year = cleanYear(20, 0);
        // member 5: February (regular and thematic) and June: three absences, two months
        absent(year.get(1), 5, "ABSENT_UNEXCUSED", null);
        absent(year.get(2), 5, "ABSENT_UNEXCUSED", null);
        absent(year.get(7), 5, "ABSENT_UNEXCUSED", null);
        // member 6: January, April, December; excused in March
        absent(year.get(0), 6, "ABSENT_UNEXCUSED", null);
        absent(year.get(3), 6, "ABSENT_EXCUSED", "ốm");
        absent(year.get(4), 6, "ABSENT_UNEXCUSED", null);
        absent(year.get(15), 6, "ABSENT_UNEXCUSED", null);
        assertThat(inspect(year)).containsExactly(
                "{\"rule\":\"R-M1\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025\",\"cardNumber\":\"HP10000006\","
                        + "\"months\":[\"2025-01\",\"2025-04\",\"2025-12\"],\"absences\":3}",
                "{\"rule\":\"R-M3\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025\",\"cardNumber\":\"HP10000006\",\"cause\":\"R-M1\"}");
    }

    @Test
    void aThematicMeetingWithoutATopicIsFlagged() throws IOException {
        List<ObjectNode> year = cleanYear(5, 0);
        year.get(2).remove("topic");
        assertThat(inspect(year)).containsExactly(
                "{\"rule\":\"R-G9\",\"branchCode\":\"HP.D01.B001\",\"heldOn\":\"2025-02-20\",\"type\":\"THEMATIC\"}");
    }

    /**
     * Twelve collection sheets for the branch's {@code members} first members, everyone paying 10,000 đ on the 5th
     * of each month except where {@code change} says otherwise.
     */
    static List<ObjectNode> sheets(int members) {
        List<ObjectNode> sheets = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            ObjectNode sheet = JSON.createObjectNode().put("record", "dues").put("branchCode", BRANCH)
                    .put("month", String.format("2025-%02d", month));
            ArrayNode rows = sheet.putArray("rows");
            for (int i = 0; i < members; i++) {
                rows.addObject().put("cardNumber", "HP" + (10000000 + i)).put("category", "NO_SALARY").put("due", 10_000)
                        .put("amount", 10_000).put("paidOn", String.format("2025-%02d-05", month));
            }
            sheets.add(sheet);
        }
        return sheets;
    }

    /** What member {@code index} paid for {@code month} (1–12): 0 for nothing. */
    static void paid(List<ObjectNode> sheets, int month, int index, long amount, String paidOn) {
        ObjectNode row = (ObjectNode) sheets.get(month - 1).path("rows").get(index);
        row.put("amount", amount);
        if (amount == 0) {
            row.remove("paidOn");
        } else {
            row.put("paidOn", paidOn);
        }
    }

    @Test
    void duesUnpaidInThreeMonthsAreArrearsTwoOrExemptOrPaidLateAreNot() throws IOException {
        List<ObjectNode> year = cleanYear(10, 0);
        List<ObjectNode> sheets = sheets(10);
        // member 1: February, July, November: in arrears; member 2: two months only
        for (int month : new int[] {2, 7, 11}) {
            paid(sheets, month, 1, 0, null);
        }
        paid(sheets, 3, 2, 0, null);
        paid(sheets, 4, 2, 0, null);
        // member 3: March and April paid in half, May nothing: three months in arrears
        paid(sheets, 3, 3, 5_000, "2025-03-05");
        paid(sheets, 4, 3, 5_000, "2025-04-05");
        paid(sheets, 5, 3, 0, null);
        // member 4: March to May paid late, in one catch-up in June: paid
        for (int month = 3; month <= 5; month++) {
            paid(sheets, month, 4, 10_000, "2025-06-12");
        }
        // member 5: nothing paid from April to July, exempt from 20 April to 1 June: July alone is unpaid without reason
        for (int month = 4; month <= 7; month++) {
            paid(sheets, month, 5, 0, null);
        }
        year.add(0, JSON.createObjectNode().put("record", "exemption").put("branchCode", BRANCH).put("cardNumber", "HP10000005")
                .put("reason", "ốm đau").put("from", "2025-04-20").put("until", "2025-06-01"));
        year.addAll(sheets);

        assertThat(inspect(year)).containsExactly(
                "{\"rule\":\"R-M2\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025\",\"cardNumber\":\"HP10000001\","
                        + "\"months\":[\"2025-02\",\"2025-07\",\"2025-11\"]}",
                "{\"rule\":\"R-M2\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025\",\"cardNumber\":\"HP10000003\","
                        + "\"months\":[\"2025-03\",\"2025-04\",\"2025-05\"]}",
                "{\"rule\":\"R-M3\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025\",\"cardNumber\":\"HP10000001\",\"cause\":\"R-M2\"}",
                "{\"rule\":\"R-M3\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025\",\"cardNumber\":\"HP10000003\",\"cause\":\"R-M2\"}");
    }

    @Test
    void monthsBeforeTheBranchRecordedAnyPaymentAreNotJudgedAndRemovalNamesTheRuleReachedFirst() throws IOException {
        List<ObjectNode> year = cleanYear(10, 0);
        List<ObjectNode> sheets = sheets(10);
        // nobody paid in January or February: the branch kept its dues on paper until March
        for (int month = 1; month <= 2; month++) {
            for (int i = 0; i < 10; i++) {
                paid(sheets, month, i, 0, null);
            }
        }
        // member 6: absent without reason in January, April and May (R-M1 on 10 May), dues unpaid in March, April, June
        // (R-M2 at the end of June): one R-M3, R-M1 first
        absent(year.get(0), 6, "ABSENT_UNEXCUSED", null);
        absent(year.get(4), 6, "ABSENT_UNEXCUSED", null);
        absent(year.get(5), 6, "ABSENT_UNEXCUSED", null);
        for (int month : new int[] {3, 4, 6}) {
            paid(sheets, month, 6, 0, null);
        }
        year.addAll(sheets);

        assertThat(inspect(year)).containsExactly(
                "{\"rule\":\"R-M1\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025\",\"cardNumber\":\"HP10000006\","
                        + "\"months\":[\"2025-01\",\"2025-04\",\"2025-05\"],\"absences\":3}",
                "{\"rule\":\"R-M2\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025\",\"cardNumber\":\"HP10000006\","
                        + "\"months\":[\"2025-03\",\"2025-04\",\"2025-06\"]}",
                "{\"rule\":\"R-M3\",\"branchCode\":\"HP.D01.B001\",\"period\":\"2025\",\"cardNumber\":\"HP10000006\",\"cause\":\"R-M1,R-M2\"}");
    }
}
