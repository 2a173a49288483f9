package org.chibo.chassis.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.chibo.contracts.TopicSpec;
import org.chibo.contracts.Topics;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every topic of the catalogue and its DLT so that whichever service starts first creates them; the others
 * find them there. Creation is idempotent: KafkaAdmin only adds what is missing.
 */
public final class TopicCatalogueTopics {

    private TopicCatalogueTopics() {
    }

    public static KafkaAdmin.NewTopics all(int replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : Topics.ALL) {
            topics.add(build(spec, replicationFactor));
            topics.add(build(Topics.deadLetterOf(spec), replicationFactor));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic build(TopicSpec spec, int replicationFactor) {
        return TopicBuilder.name(spec.name())
                .partitions(spec.partitions())
                .replicas(replicationFactor)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retentionMs())))
                .build();
    }
}
