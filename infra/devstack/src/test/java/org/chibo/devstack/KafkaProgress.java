package org.chibo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where the platform's events have got to, read from the broker: how many distinct events of a type a topic holds
 * (an outbox publishes asynchronously after its service answered, and may publish one event twice under one id), and
 * whether a service's consumer group has handled everything on its topics. What a test waits for before it judges a
 * service's state, instead of sleeping.
 */
final class KafkaProgress implements AutoCloseable {

    private static final Duration AT_MOST = Duration.ofMinutes(5);

    private final String bootstrap;
    /** Made on first use: the broker may not be up yet when this is. */
    private Admin admin;

    KafkaProgress(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            admin = Admin.create(props);
        }
        return admin;
    }

    /** Waits until {@code topic} holds at least {@code count} events of {@code type} with distinct ids. */
    void awaitPublished(String topic, String type, int count) {
        Set<String> ids = new HashSet<>();
        readUntil(topic, () -> ids.size() >= count, () -> "%s: %d of %d %s events published".formatted(topic, ids.size(), count, type), r -> {
            if (type.equals(header(r, "ce_type"))) {
                ids.add(header(r, "ce_id"));
            }
        });
    }

    private static final java.util.regex.Pattern MEMBER_ID = java.util.regex.Pattern.compile("\"memberId\":\"([^\"]+)\"");

    /**
     * Waits until {@code count} members have been announced on {@code membership.events}: by {@code member-admitted}
     * (one each) or in a city's onboarding, {@code members-onboarded} (many each).
     */
    void awaitMembersAnnounced(int count) {
        Set<String> members = new HashSet<>();
        readUntil("membership.events", () -> members.size() >= count, () -> "%d of %d members announced".formatted(members.size(), count), r -> {
            String type = header(r, "ce_type");
            if ("chibo.membership.member-admitted.v1".equals(type) || "chibo.membership.members-onboarded.v1".equals(type)) {
                var ids = MEMBER_ID.matcher(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8));
                while (ids.find()) {
                    members.add(ids.group(1));
                }
            }
        });
    }

    /** Reads {@code topic} from its beginning, handing each record to {@code each}, until {@code done} (at most 5 minutes). */
    private void readUntil(String topic, java.util.function.BooleanSupplier done, java.util.function.Supplier<String> progress,
                           java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + AT_MOST.toNanos();
            while (!done.getAsBoolean()) {
                assertThat(System.nanoTime()).as(progress.get()).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    /** Waits until the consumer group {@code group} has committed every event now on {@code topics}. */
    void awaitConsumed(String group, String... topics) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (true) {
            Map<TopicPartition, Long> behind = lag(group, topics);
            if (behind.isEmpty()) {
                return;
            }
            assertThat(System.nanoTime()).as("%s still behind on %s", group, behind).isLessThan(deadline);
            sleep(Duration.ofMillis(500));
        }
    }

    /** The partitions where the group's committed offset is short of the end, with how far. */
    private Map<TopicPartition, Long> lag(String group, String... topics) {
        try {
            Set<TopicPartition> partitions = admin().describeTopics(List.of(topics)).allTopicNames().get().values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = admin().listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get()
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> behind = new HashMap<>();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                long handled = done == null ? 0 : done.offset();
                if (end > handled) {
                    behind.put(partition, end - handled);
                }
            });
            return behind;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + group + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
