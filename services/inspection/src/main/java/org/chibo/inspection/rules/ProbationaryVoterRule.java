package org.chibo.inspection.rules;

import java.util.Map;
import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;

/**
 * R-G4: more votes cast than official members present, so a probationary member (or nobody at all) was counted as a
 * voter. Probationary members do not vote (Charter art. 5). The bound is who could vote, as the meeting service checks
 * it: every official member present.
 */
public record ProbationaryVoterRule() implements MeetingRule {

    public static final Rule RULE = new Rule("R-G4", 1, Severity.HIGH,
            "Điều lệ Đảng, điều 5 (đảng viên dự bị không biểu quyết)");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        MeetingRecorded.Vote vote = meeting.vote();
        if (vote == null) {
            return Optional.empty();
        }
        int cast = vote.inFavour() + vote.against() + vote.abstained();
        long officialPresent = Turnout.roster(meeting).stream().filter(Turnout.OFFICIAL.and(Turnout.PRESENT)).count();
        if (cast <= officialPresent) {
            return Optional.empty();
        }
        // the probationary members present are the ones who may have been counted
        var probationaryPresent = Turnout.roster(meeting).stream().filter(Turnout.OFFICIAL.negate().and(Turnout.PRESENT))
                .map(Attendee::memberId).toList();
        return Optional.of(new Breach(
                "%d votes cast but only %d official members present".formatted(cast, officialPresent),
                probationaryPresent,
                Map.of("votesCast", cast, "officialPresent", officialPresent, "probationaryPresent", probationaryPresent.size())));
    }
}
