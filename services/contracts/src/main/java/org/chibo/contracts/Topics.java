package org.chibo.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The topic catalogue. Every service creates and names topics from here, never from a string literal. */
public final class Topics {

    private static final int DEFAULT_PARTITIONS = 12;

    public static final TopicSpec MEMBERSHIP_EVENTS = new TopicSpec("membership.events",
            "member id for member-lifecycle events, organisation id for organisation events", DEFAULT_PARTITIONS, null);
    public static final TopicSpec MEETING_EVENTS = new TopicSpec("meeting.events",
            "branch id", DEFAULT_PARTITIONS, null);
    public static final TopicSpec INSPECTION_FINDINGS = new TopicSpec("inspection.findings",
            "branch id", DEFAULT_PARTITIONS, null);
    public static final TopicSpec EVALUATION_RATINGS = new TopicSpec("evaluation.ratings",
            "branch id for branch ratings, member id for member ratings, the year for a closed year", DEFAULT_PARTITIONS, null);

    /** Dead letters are kept long enough to be inspected and re-driven, not forever. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    public static final List<TopicSpec> ALL = List.of(MEMBERSHIP_EVENTS, MEETING_EVENTS, INSPECTION_FINDINGS, EVALUATION_RATINGS);

    private Topics() {
    }

    public static Optional<TopicSpec> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The dead-letter topic of {@code topic}, sized like it so a record keeps its partition. */
    public static TopicSpec deadLetterOf(TopicSpec topic) {
        return new TopicSpec(topic.deadLetterTopic(), topic.keyDescription(), topic.partitions(), DEAD_LETTER_RETENTION);
    }
}
