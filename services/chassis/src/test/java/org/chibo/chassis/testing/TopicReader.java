package org.chibo.chassis.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning, outside any consumer group, to see exactly what was published. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record of {@code topic} matching {@code filter}, read until {@code quiet} passes with nothing new. */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic,
                                                            Predicate<ConsumerRecord<String, byte[]>> filter, Duration quiet) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant quietUntil = Instant.now().plus(quiet);
            while (Instant.now().isBefore(quietUntil)) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    quietUntil = Instant.now().plus(quiet);
                }
                records.forEach(r -> {
                    if (filter.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
