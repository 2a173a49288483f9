package org.chibo.inspection.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chibo.inspection.rules.Meetings.meeting;
import static org.chibo.inspection.rules.Meetings.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chibo.contracts.meeting.MeetingRecorded.Minutes;
import org.chibo.contracts.meeting.MeetingRecorded.Resolution;
import org.chibo.contracts.meeting.MeetingRecorded.Vote;
import org.junit.jupiter.api.Test;

/** The per-meeting rules as plain Java: no Spring, no broker; each broken, and passed at its threshold. */
class MeetingRulesTest {

    private final AttendanceBelowTargetRule attendance = new AttendanceBelowTargetRule(0.90);
    private final QuorumRule quorum = new QuorumRule(2.0 / 3);
    private final ResolutionMajorityRule majority = new ResolutionMajorityRule(0.5);
    private final ProbationaryVoterRule voters = new ProbationaryVoterRule();
    private final MinutesCompletenessRule minutes = new MinutesCompletenessRule();
    private final MeetingDurationRule duration = new MeetingDurationRule(Duration.ofMinutes(90));
    private final LateClosingRule lateClosing = new LateClosingRule(7);
    private final ThematicTopicRule topic = new ThematicTopicRule();
    private final OnlineRestrictedMatterRule online = new OnlineRestrictedMatterRule(java.util.Set.of("STATE_SECRET", "PERSONNEL"));

    @Test
    void aSoundMeetingBreaksNoRule() {
        var sound = meeting().build();
        for (MeetingRule rule : List.of(attendance, quorum, majority, voters, minutes, duration, lateClosing, topic, online)) {
            assertThat(rule.check(sound)).as(rule.rule().id()).isEmpty();
        }
    }

    @Test
    void attendanceBelowNinetyPercentIsAFindingWithItsFigures() {
        Breach breach = attendance.check(meeting().roster(roster(8, 1, 1, 0, 0)).vote(null).build()).orElseThrow();

        assertThat(breach.evidence()).containsEntry("present", 8).containsEntry("expected", 10).containsEntry("rate", 0.8);
        assertThat(breach.memberIds()).containsExactly("m8", "m9");
        // 9 of 10, and 27 of 30, are the target itself
        assertThat(attendance.check(meeting().roster(roster(9, 1, 0, 0, 0)).vote(null).build())).isEmpty();
        assertThat(attendance.check(meeting().roster(roster(27, 3, 0, 0, 0)).vote(null).build())).isEmpty();
        assertThat(attendance.check(meeting().roster(roster(26, 4, 0, 0, 0)).vote(null).build())).isPresent();
    }

    @Test
    void exemptMembersAreLeftOutOfTheDenominator() {
        // 9 of 10 expected present; the two exempt absentees do not count
        assertThat(attendance.check(meeting().roster(roster(9, 0, 1, 2, 0)).vote(null).build())).isEmpty();
    }

    @Test
    void quorumCountsOnlyOfficialMembers() {
        // 6 official present of 10 official (< 2/3); the 3 probationary members present do not make up for it
        Breach breach = quorum.check(meeting().roster(roster(6, 4, 0, 0, 3)).vote(null).build()).orElseThrow();

        assertThat(breach.evidence()).containsEntry("presentOfficial", 6).containsEntry("expectedOfficial", 10);
        // 2 of 3 is the quorum itself
        assertThat(quorum.check(meeting().roster(roster(2, 1, 0, 0, 0)).vote(null).build())).isEmpty();
        // the configured default, 2/3 written as a decimal, is reached by 2 of 3 too
        assertThat(new QuorumRule(0.666666666667).check(meeting().roster(roster(2, 1, 0, 0, 0)).vote(null).build())).isEmpty();
        assertThat(new QuorumRule(0.666666666667).check(meeting().roster(roster(1, 2, 0, 0, 0)).vote(null).build())).isPresent();
    }

    @Test
    void anAdoptedResolutionNeedsMoreThanHalfOfTheOfficialRosterInFavour() {
        // 10 official non-exempt on the roster (the exempt two do not count), only 6 present: 5 in favour is half
        var roster = roster(6, 4, 0, 2, 1);
        Breach breach = majority.check(meeting().roster(roster).vote(new Vote(5, 1, 0)).build()).orElseThrow();
        assertThat(breach.evidence()).containsEntry("inFavour", 5).containsEntry("officialMembers", 10).containsEntry("vote", "GIVEN");

        assertThat(majority.check(meeting().roster(roster).vote(new Vote(6, 0, 0)).build())).isEmpty();
        // not adopted: nothing to judge
        assertThat(majority.check(meeting().roster(roster).vote(new Vote(2, 4, 0)).minutes(Meetings.minutes(false)).build())).isEmpty();
    }

    @Test
    void aResolutionAdoptedWithNoVoteAtAllBreaksTheRuleAndSaysSo() {
        Breach breach = majority.check(meeting().vote(null).build()).orElseThrow();

        assertThat(breach.evidence()).containsEntry("vote", "NONE").containsEntry("inFavour", 0);
        assertThat(majority.check(meeting().vote(null).minutes(null).build())).isEmpty();
    }

    @Test
    void moreVotesThanOfficialMembersPresentMeansAProbationaryMemberVoted() {
        // 8 official and 2 probationary present
        var roster = roster(8, 0, 0, 0, 2);
        Breach breach = voters.check(meeting().roster(roster).vote(new Vote(7, 1, 1)).build()).orElseThrow();

        assertThat(breach.evidence()).containsEntry("votesCast", 9).containsEntry("officialPresent", 8L);
        assertThat(breach.memberIds()).containsExactly("m8", "m9");
        assertThat(voters.check(meeting().roster(roster).vote(new Vote(6, 1, 1)).build())).isEmpty();
        assertThat(voters.check(meeting().roster(roster).vote(null).build())).isEmpty();
    }

    @Test
    void minutesMissingPartsAreNamedInTheEvidence() {
        Minutes gaps = new Minutes(" ", "m1", List.of(" ", ""), "Kết luận", new Resolution("", true, List.of()), true, false);

        Breach breach = minutes.check(meeting().minutes(gaps).build()).orElseThrow();

        assertThat(breach.evidence().get("missing")).isEqualTo(List.of("chairId", "contentItems", "resolution", "signatures"));
    }

    @Test
    void aRecordWithoutMinutesLacksEveryPart() {
        Breach breach = minutes.check(meeting().minutes(null).type("EXTRAORDINARY").build()).orElseThrow();

        assertThat(breach.evidence().get("missing"))
                .isEqualTo(List.of("chairId", "minuteTakerId", "contentItems", "conclusion", "resolution", "signatures"));
        assertThat(breach.evidence()).containsEntry("minutesGiven", false);
    }

    @Test
    void aMeetingShorterThanNinetyMinutesIsFlaggedOnlyWhenBothTimesAreGiven() {
        Instant start = Instant.parse("2025-03-05T01:00:00Z");
        Breach breach = duration.check(meeting().times(start, start.plus(Duration.ofMinutes(89))).build()).orElseThrow();

        assertThat(breach.evidence()).containsEntry("minutes", 89L).containsEntry("minimumMinutes", 90L);
        assertThat(duration.check(meeting().times(start, start.plus(Duration.ofMinutes(90))).build())).isEmpty();
        assertThat(duration.check(meeting().times(start, null).build())).isEmpty();
    }

    @Test
    void minutesClosedMoreThanSevenDaysAfterTheMeetingAreLate() {
        LocalDate heldOn = Meetings.HELD_ON;
        Breach breach = lateClosing.check(meeting().closedOn(heldOn.plusDays(8)).build()).orElseThrow();

        assertThat(breach.evidence()).containsEntry("days", 8L).containsEntry("closedOnFrom", "closedOn");
        assertThat(lateClosing.check(meeting().closedOn(heldOn.plusDays(7)).build())).isEmpty();
    }

    @Test
    void withoutAClosingDateTheRecordingDayInVietnamCounts() {
        // 12 March 17:30 UTC is already 13 March in Hà Nội: 8 days after the 5th
        Breach breach = lateClosing.check(meeting().closedOn(null).recordedAt(Instant.parse("2025-03-12T17:30:00Z")).build())
                .orElseThrow();

        assertThat(breach.evidence()).containsEntry("closedOn", "2025-03-13").containsEntry("closedOnFrom", "recordedAt");
        assertThat(lateClosing.check(meeting().closedOn(null).recordedAt(Instant.parse("2025-03-12T16:59:00Z")).build())).isEmpty();
    }

    @Test
    void aThematicMeetingNeedsItsTopic() {
        assertThat(topic.check(meeting().type("THEMATIC").period("2025-Q1").topic("  ").build())).isPresent();
        assertThat(topic.check(meeting().type("THEMATIC").period("2025-Q1").topic("Học tập và làm theo tư tưởng Hồ Chí Minh").build())).isEmpty();
        assertThat(topic.check(meeting().type("REGULAR").build())).isEmpty();
    }

    @Test
    void findingIdsAreDerivedFromWhatTheyAreAbout() {
        assertThat(quorum.rule().findingId("meeting-1")).isEqualTo("R-G1:meeting-1");
        assertThat(MemberRules.UNEXCUSED_ABSENCES.findingId("m1", "2025")).isEqualTo("R-M1:m1:2025");
    }

    @Test
    void anOnlineOrHybridMeetingThatHandledAnExcludedMatterBreaksRG8WithTheMatters() {
        Breach breach = online.check(meeting().mode("ONLINE").restrictedMatters("STATE_SECRET", "DISCIPLINE", "PERSONNEL").build())
                .orElseThrow();

        assertThat(breach.evidence()).containsEntry("mode", "ONLINE")
                .containsEntry("restrictedMatters", List.of("PERSONNEL", "STATE_SECRET"));
        assertThat(breach.memberIds()).isEmpty();
        assertThat(online.check(meeting().mode("HYBRID").restrictedMatters("PERSONNEL").build())).isPresent();
    }

    @Test
    void rG8LeavesInPersonMeetingsMattersNotExcludedAndRecordsThatSayNothing() {
        assertThat(online.check(meeting().mode("IN_PERSON").restrictedMatters("STATE_SECRET", "PERSONNEL").build())).isEmpty();
        assertThat(online.check(meeting().mode("ONLINE").restrictedMatters("DISCIPLINE", "OTHER_CONFIDENTIAL").build())).isEmpty();
        assertThat(online.check(meeting().mode("ONLINE").restrictedMatters().build())).isEmpty();
        assertThat(online.check(meeting().mode("ONLINE").build())).isEmpty();
        // the excluded list is the operator's: with DISCIPLINE on it, a discipline matter online breaks the rule
        assertThat(new OnlineRestrictedMatterRule(java.util.Set.of("DISCIPLINE"))
                .check(meeting().mode("ONLINE").restrictedMatters("DISCIPLINE").build())).isPresent();
    }
}
