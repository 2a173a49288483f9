package org.chibo.inspection.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;

/** R-G9: a thematic meeting (sinh hoạt chuyên đề) recorded without its topic. */
public record ThematicTopicRule() implements MeetingRule {

    public static final Rule RULE = new Rule("R-G9", 1, Severity.MEDIUM,
            "Hướng dẫn 12-HD/BTCTW (2018): sinh hoạt chuyên đề có chủ đề");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        if (!"THEMATIC".equals(meeting.type()) || (meeting.topic() != null && !meeting.topic().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(new Breach("thematic meeting without a topic", List.of(), Map.of("type", meeting.type())));
    }
}
