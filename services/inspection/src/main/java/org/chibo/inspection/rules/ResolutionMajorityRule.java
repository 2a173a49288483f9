package org.chibo.inspection.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Resolution;

/**
 * R-G3: a resolution declared adopted without more than half ({@code majority}) of the branch's official, non-exempt
 * members voting for it. The denominator is the roster, not those present: a resolution binds the whole branch.
 * Minutes that declare it adopted and give no vote at all break the rule too.
 */
public record ResolutionMajorityRule(double majority) implements MeetingRule {

    public static final Rule RULE = new Rule("R-G3", 1, Severity.HIGH,
            "Điều lệ Đảng (nghị quyết được thông qua khi quá nửa số đảng viên chính thức tán thành)");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        Resolution resolution = meeting.minutes() == null ? null : meeting.minutes().resolution();
        if (resolution == null || !resolution.adopted()) {
            return Optional.empty();
        }
        int official = Turnout.of(meeting, Turnout.OFFICIAL).expected();
        MeetingRecorded.Vote vote = meeting.vote();
        if (vote != null && Turnout.exceeds(vote.inFavour(), majority, official)) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("vote", vote == null ? "NONE" : "GIVEN");
        evidence.put("inFavour", vote == null ? 0 : vote.inFavour());
        evidence.put("officialMembers", official);
        evidence.put("majority", majority);
        String summary = vote == null
                ? "resolution declared adopted with no vote recorded"
                : "resolution declared adopted with %d in favour of %d official members (needs more than %.0f%%)"
                        .formatted(vote.inFavour(), official, majority * 100);
        return Optional.of(new Breach(summary, List.of(), evidence));
    }
}
