package org.chibo.inspection.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Minutes;

/**
 * R-G5: minutes (biên bản) missing a part Hướng dẫn 12-HD/BTCTW requires. The evidence lists the missing parts by name;
 * {@code signatures} stands for either signature. A record without minutes at all (from before minutes were carried)
 * lacks every part. Applies to every meeting type.
 */
public record MinutesCompletenessRule() implements MeetingRule {

    public static final Rule RULE = new Rule("R-G5", 1, Severity.MEDIUM,
            "Hướng dẫn 12-HD/BTCTW (2018): nội dung biên bản sinh hoạt chi bộ");

    /** Each required part, by the name the evidence gives it, with the test that it is there. */
    private static final Map<String, Predicate<Minutes>> PARTS = parts();

    private static Map<String, Predicate<Minutes>> parts() {
        Map<String, Predicate<Minutes>> parts = new LinkedHashMap<>();
        parts.put("chairId", m -> given(m.chairId()));
        parts.put("minuteTakerId", m -> given(m.minuteTakerId()));
        parts.put("contentItems", m -> m.contentItems() != null && m.contentItems().stream().anyMatch(MinutesCompletenessRule::given));
        parts.put("conclusion", m -> given(m.conclusion()));
        parts.put("resolution", m -> m.resolution() != null && given(m.resolution().text()));
        parts.put("signatures", m -> m.signedByChair() && m.signedByMinuteTaker());
        return parts;
    }

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        Minutes minutes = meeting.minutes();
        List<String> missing = PARTS.entrySet().stream()
                .filter(part -> minutes == null || !part.getValue().test(minutes))
                .map(Map.Entry::getKey)
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Breach("minutes lack " + String.join(", ", missing), List.of(),
                Map.of("missing", missing, "minutesGiven", minutes != null)));
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
