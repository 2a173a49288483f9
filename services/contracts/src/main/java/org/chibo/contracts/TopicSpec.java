package org.chibo.contracts;

import java.time.Duration;

/**
 * One Kafka topic as the platform defines it: its name, what the record key is, its default size and retention,
 * and the dead-letter topic that receives what its consumers cannot process.
 *
 * @param retention {@code null} means kept forever: event topics are the system of record that projections replay.
 */
public record TopicSpec(String name, String keyDescription, int partitions, Duration retention) {

    public static final String DLT_SUFFIX = ".dlt";

    public String deadLetterTopic() {
        return name + DLT_SUFFIX;
    }

    /** Retention in milliseconds as Kafka's {@code retention.ms} expects it; -1 keeps records forever. */
    public long retentionMs() {
        return retention == null ? -1L : retention.toMillis();
    }
}
