package org.chibo.citysim.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chibo.citysim.meetings.GeneratedMeeting.Presence.ABSENT_EXCUSED;
import static org.chibo.citysim.meetings.GeneratedMeeting.Presence.ABSENT_UNEXCUSED;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chibo.citysim.meetings.Finding;
import org.chibo.citysim.meetings.MeetingType;
import org.junit.jupiter.api.Test;

/** The ratings oracle on small hand-made years, each built to sit on one rule's edge. */
class RatingOracleTest {

    static final String B1 = "HP.D01.G001.B001";
    static final String B2 = "HP.D01.G001.B002";

    @Test
    void aMemberBelowNinetyPercentIsCompletedAndOneAtNinetyIsNot() {
        // 16 meetings: 14 present is 87.5 %, under the target; a member admitted on 11 May sits in 10, and 9 is 90 %
        SmallYear year = new SmallYear().branch(B1, 4).absent(B1 + "-01", ABSENT_EXCUSED, 0, 1)
                .admitted(B1 + "-02", LocalDate.of(2025, 5, 11)).absent(B1 + "-02", ABSENT_EXCUSED, 7);
        Map<String, ExpectedRating> r = bySubject(year.oracle());

        assertThat(r.get(B1 + "-01").rating()).isEqualTo(Level.COMPLETED);
        assertThat(criterion(r.get(B1 + "-01"), "attendance at or above 90%"))
                .isEqualTo(new ExpectedCriterion("attendance at or above 90%", false, Level.COMPLETED,
                        List.of("14 present of 16 expected")));
        assertThat(criterion(r.get(B1 + "-02"), "attendance at or above 90%").names()).containsExactly("9 present of 10 expected");
        assertThat(criterion(r.get(B1 + "-02"), "attendance at or above 90%").met()).isTrue();
        // a unit of 4 allows no EXCELLENT: the eligible are held to GOOD by the cap
        assertThat(r.get(B1 + "-02").rating()).isEqualTo(Level.GOOD);
        assertThat(criterion(r.get(B1 + "-02"), "within the EXCELLENT cap of rating unit " + B1).met()).isFalse();
    }

    @Test
    void unexcusedAbsencesInThreeMonthsAreGroundForRemovalAndInTwoAreNot() {
        SmallYear year = new SmallYear().branch(B1, 4)
                .absent(B1 + "-01", ABSENT_UNEXCUSED, 2, 5, 12)        // March, June, and the thematic meeting of February
                .absent(B1 + "-02", ABSENT_UNEXCUSED, 2, 4, 13);       // March, May, and May's thematic one: two months
        Map<String, ExpectedRating> r = bySubject(year.oracle());

        assertThat(r.get(B1 + "-01").rating()).isEqualTo(Level.NOT_COMPLETED);
        ExpectedCriterion removal = criterion(r.get(B1 + "-01"), "no ground for removal (R-M3)");
        assertThat(removal.met()).isFalse();
        assertThat(removal.names()).containsExactly("2025-02", "2025-03", "2025-06", "dues not judged");

        assertThat(criterion(r.get(B1 + "-02"), "no ground for removal (R-M3)").met()).isTrue();
        assertThat(criterion(r.get(B1 + "-02"), "full attendance except excused absences").names()).containsExactly("3 unexcused");
        // not removed, but 13 of 16 is under the target: attendance decides
        assertThat(r.get(B1 + "-02").rating()).isEqualTo(Level.COMPLETED);
    }

    @Test
    void anOpenSeriousFindingHoldsTheMemberAndTheBranchToCompletedAndAnyFindingIsABlemish() {
        SmallYear year = new SmallYear().branch(B1, 10).branch(B2, 10)
                .finding(new Finding("R-M3", B1, null, null, "2025", B1 + "-03", Map.of("because", List.of("R-M1"))))
                .finding(new Finding("R-X9", B2, null, null, "2025", B2 + "-04", Map.of()));   // a rule of no known severity
        Map<String, ExpectedRating> r = bySubject(year.oracle());

        assertThat(r.get(B1 + "-03").rating()).isEqualTo(Level.COMPLETED);
        assertThat(criterion(r.get(B1 + "-03"), "no open serious finding").names()).containsExactly("R-M3:" + B1 + "-03:2025");
        assertThat(r.get(B1).rating()).isEqualTo(Level.COMPLETED);
        assertThat(criterion(r.get(B1), "no open serious finding").names()).containsExactly("R-M3:" + B1 + "-03:2025");
        // not serious: no criterion falls, the member stays eligible
        assertThat(r.get(B2 + "-04").criteria().stream().limit(5)).allMatch(ExpectedCriterion::met);
        assertThat(r.get(B2).criteria().stream().limit(5)).allMatch(ExpectedCriterion::met);
    }

    @Test
    void theCapAllowsAFifthAndBreaksTiesByTurnoutBlemishesThenId() {
        // 10 members, all eligible: 2 EXCELLENT. -01 has an excused absence (15/16), -02 to -10 are tied at 16/16 with no
        // blemish, so the two lowest ids among them win; -01 loses to all of them though its id is the lowest
        SmallYear year = new SmallYear().branch(B1, 10).absent(B1 + "-01", ABSENT_EXCUSED, 4);
        Map<String, ExpectedRating> r = bySubject(year.oracle());

        assertThat(r.values().stream().filter(x -> x.subjectType() == ExpectedRating.SubjectType.MEMBER && x.rating() == Level.EXCELLENT)
                .map(ExpectedRating::subjectId)).containsExactlyInAnyOrder(B1 + "-02", B1 + "-03");
        ExpectedCriterion cap = criterion(r.get(B1 + "-01"), "within the EXCELLENT cap of rating unit " + B1);
        assertThat(cap.met()).isFalse();
        assertThat(cap.names()).containsExactly("10 rated GOOD or better", "at most 2 EXCELLENT", "ranked 10 of 10 eligible");
        assertThat(criterion(r.get(B1 + "-03"), "within the EXCELLENT cap of rating unit " + B1).names())
                .contains("ranked 2 of 10 eligible");
    }

    @Test
    void theCapCountsEveryoneRatedGoodOrBetterButRanksOnlyTheEligible() {
        // 9 members: one exempt all year (GOOD ceiling: nothing expected), one COMPLETED: n = 8, allowed 1
        SmallYear year = new SmallYear().branch(B1, 9).exemptAllYear(B1 + "-01").absent(B1 + "-02", ABSENT_EXCUSED, 0, 1, 2);
        Map<String, ExpectedRating> r = bySubject(year.oracle());

        assertThat(r.get(B1 + "-01").rating()).isEqualTo(Level.GOOD);
        assertThat(criterion(r.get(B1 + "-01"), "full attendance except excused absences").names())
                .containsExactly("no meeting expected of the member in 2025");
        assertThat(criterion(r.get(B1 + "-01"), "attendance at or above 90%").met()).isTrue();
        assertThat(r.get(B1 + "-02").rating()).isEqualTo(Level.COMPLETED);
        assertThat(r.values().stream().filter(x -> x.rating() == Level.EXCELLENT).map(ExpectedRating::subjectId))
                .containsExactly(B1 + "-03");
        assertThat(criterion(r.get(B1 + "-04"), "within the EXCELLENT cap of rating unit " + B1).names())
                .containsExactly("8 rated GOOD or better", "at most 1 EXCELLENT", "ranked 2 of 7 eligible");
    }

    @Test
    void aBranchMissingAMonthOrRecordingOneLateIsCompletedAndSevenDaysIsOnTime() {
        // every record is closed 7 days after its meeting: on time; B1 misses April and records June's thematic late
        SmallYear year = new SmallYear().branch(B1, 5).branch(B2, 5).skip(B1, 3).late(B2, 13);
        Map<String, ExpectedRating> r = bySubject(year.oracle());

        ExpectedCriterion monthly = criterion(r.get(B1), "every monthly regular meeting held and recorded on time");
        assertThat(monthly.met()).isFalse();
        assertThat(monthly.names()).containsExactly("11 of 12 held", "11 on time", "2025-04");
        assertThat(r.get(B1).rating()).isEqualTo(Level.COMPLETED);
        ExpectedCriterion thematic = criterion(r.get(B2), "every quarterly thematic meeting held and recorded on time");
        assertThat(thematic.met()).isFalse();
        assertThat(thematic.names()).containsExactly("4 of 4 held", "3 on time", "2025-Q2");
        assertThat(r.get(B2).rating()).isEqualTo(Level.COMPLETED);
        // the members of a branch that missed a month are not the worse for it
        assertThat(r.get(B1 + "-01").criteria().stream().limit(5)).allMatch(ExpectedCriterion::met);
    }

    @Test
    void aBranchIsRatedInItsGrassrootsCommitteeThroughAPartialOneAndAGrassrootsBranchInItsDirectCommittee() {
        SmallYear year = new SmallYear().branch(B1, 3).branch("HP.D01.G001.P01.B001", "BRANCH", "HP.D01.G001.P01", 3)
                .branch("HP.D01.B001", "GRASSROOTS_BRANCH", "HP.D01", 3).branch("HP.D01.G001.B009", 3)
                .skip("HP.D01.G001.B009", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        Map<String, ExpectedRating> r = bySubject(year.oracle());

        assertThat(r.get(B1).unitId()).isEqualTo("HP.D01.G001");
        assertThat(r.get("HP.D01.G001.P01.B001").unitId()).isEqualTo("HP.D01.G001");
        assertThat(r.get("HP.D01.B001").unitId()).isEqualTo("HP.D01");
        assertThat(r.get(B1 + "-01").unitId()).isEqualTo(B1);
        // a branch with no meeting at all is rated, misses every period, and its members have nothing expected
        ExpectedRating silent = r.get("HP.D01.G001.B009");
        assertThat(silent.rating()).isEqualTo(Level.COMPLETED);
        assertThat(criterion(silent, "every monthly regular meeting held and recorded on time").names())
                .contains("0 of 12 held", "2025-01", "2025-12");
        assertThat(criterion(silent, "attendance at or above 90%").names()).containsExactly("0 present of 0 expected");
        assertThat(r.get("HP.D01.G001.B009-01").rating()).isEqualTo(Level.GOOD);
    }

    @Test
    void aMemberAdmittedAfterTheYearIsNotRatedAndOneAdmittedInItIs() {
        SmallYear year = new SmallYear().branch(B1, 3).admitted(B1 + "-01", LocalDate.of(2026, 1, 1))
                .admitted(B1 + "-02", LocalDate.of(2025, 12, 31));
        Map<String, ExpectedRating> r = bySubject(year.oracle());

        assertThat(r).doesNotContainKey(B1 + "-01").containsKey(B1 + "-02");
        // admitted on the last day: no meeting expected, at most GOOD
        assertThat(r.get(B1 + "-02").rating()).isEqualTo(Level.GOOD);
    }

    @Test
    void aMeetingOfAnotherYearCountsForNothing() {
        SmallYear year = new SmallYear().branch(B1, 3);
        RatingOracle oracle = year.oracle();
        var other = year.meetings(B1).getFirst();
        oracle.meeting(new org.chibo.citysim.meetings.GeneratedMeeting(other.reference(), B1, MeetingType.REGULAR, "2024-12",
                LocalDate.of(2024, 12, 10), other.startedAt(), other.endedAt(), other.place(), null, LocalDate.of(2024, 12, 10),
                other.attendance().stream().map(a -> new org.chibo.citysim.meetings.GeneratedMeeting.Attendee(a.cardNumber(),
                        "OFFICIAL", false, ABSENT_UNEXCUSED, null)).toList(), other.vote(), other.minutes()));
        assertThat(criterion(bySubject(oracle).get(B1 + "-01"), "attendance at or above 90%").names())
                .containsExactly("16 present of 16 expected");
    }

    static Map<String, ExpectedRating> bySubject(RatingOracle oracle) {
        return oracle.ratings().stream().collect(Collectors.toMap(ExpectedRating::subjectId, Function.identity()));
    }

    static ExpectedCriterion criterion(ExpectedRating r, String name) {
        return r.criteria().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(r.subjectId() + " has no criterion " + name + ": " + r.criteria()));
    }
}
