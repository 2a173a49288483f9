package org.chibo.inspection.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;

/** R-G6: a meeting shorter than {@code minimum} (90 minutes by default), judged only when both times are given. */
public record MeetingDurationRule(Duration minimum) implements MeetingRule {

    public static final Rule RULE = new Rule("R-G6", 1, Severity.LOW,
            "Hướng dẫn 12-HD/BTCTW (2018): thời lượng sinh hoạt chi bộ (default 90 minutes, to confirm)");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        if (meeting.startedAt() == null || meeting.endedAt() == null) {
            return Optional.empty();
        }
        Duration lasted = Duration.between(meeting.startedAt(), meeting.endedAt());
        if (lasted.compareTo(minimum) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Breach(
                "the meeting lasted %d minutes, less than %d".formatted(lasted.toMinutes(), minimum.toMinutes()),
                List.of(),
                Map.of("minutes", lasted.toMinutes(), "minimumMinutes", minimum.toMinutes())));
    }
}
