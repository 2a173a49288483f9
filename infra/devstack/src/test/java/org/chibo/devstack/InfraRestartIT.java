package org.chibo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The infrastructure half of the devstack, without any service: a real broker and the embedded store, used as the
 * services use them, then stopped and started again on the same data directory.
 */
class InfraRestartIT {

    private static final String TOPIC = "devstack.check";
    private static final String GROUP = "devstack-check";

    @TempDir
    Path dataDir;

    @Test
    void kafkaAndMongoKeepTheirDataAcrossARestart() throws Exception {
        AtomicInteger firstStarts = new AtomicInteger();
        Stack.Builder builder = Stack.builder()
                .dataDir(dataDir)
                .randomPorts()
                .only("kafka", "mongo")
                .readyTimeout(Duration.ofSeconds(90))
                .output(System.out)
                .onFirstStart(stack -> firstStarts.incrementAndGet());

        try (Stack stack = builder.build()) {
            stack.start();
            assertThat(stack.isRunning("kafka")).isTrue();
            assertThat(stack.isRunning("mongo")).isTrue();

            try (Admin admin = admin(stack)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = producer(stack)) {
                producer.send(new ProducerRecord<>(TOPIC, "branch-1", "Chi bộ Tổ dân phố 5")).get();
            }
            try (KafkaConsumer<String, String> consumer = consumer(stack)) {
                List<ConsumerRecord<String, String>> records = pollAtLeast(consumer, 1);
                assertThat(records).extracting(ConsumerRecord::value).containsExactly("Chi bộ Tổ dân phố 5");
                consumer.commitSync();
            }

            try (MongoClient mongo = MongoClients.create(stack.mongoUri("chibo-check"))) {
                MongoCollection<Document> members = mongo.getDatabase("chibo-check").getCollection("members");
                members.createIndex(Indexes.ascending("cardNumber"), new IndexOptions().unique(true));
                members.insertOne(new Document("cardNumber", "HP-000001").append("fullName", "Nguyễn Văn An"));
                // what Spring Boot's health indicator asks every service's database
                assertThat(mongo.getDatabase("chibo-check").runCommand(new Document("hello", 1)).get("ok"))
                        .isIn(1, 1.0);
            }

            // a second supervisor on the same data directory must not start
            assertThatThrownBy(() -> builder.build().start())
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("already using");
        }
        assertThat(firstStarts).hasValue(1);

        try (Stack stack = builder.build()) {
            stack.start();

            try (Admin admin = admin(stack)) {
                TopicDescription topic = admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC);
                assertThat(topic.partitions()).hasSize(3);
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum())
                        .as("the group's committed offsets survive").isEqualTo(1);
            }
            try (KafkaProducer<String, String> producer = producer(stack)) {
                producer.send(new ProducerRecord<>(TOPIC, "branch-1", "after restart")).get();
            }
            try (KafkaConsumer<String, String> consumer = consumer(stack)) {
                assertThat(pollAtLeast(consumer, 1)).extracting(ConsumerRecord::value)
                        .as("the group resumes after what it had consumed").containsExactly("after restart");
            }

            try (MongoClient mongo = MongoClients.create(stack.mongoUri("chibo-check"))) {
                MongoCollection<Document> members = mongo.getDatabase("chibo-check").getCollection("members");
                Document member = members.find(new Document("cardNumber", "HP-000001")).first();
                assertThat(member).as("the document survives").isNotNull();
                assertThat(member.getString("fullName")).isEqualTo("Nguyễn Văn An");
                assertThatThrownBy(() -> members.insertOne(new Document("cardNumber", "HP-000001")))
                        .as("the unique index survives too")
                        .hasMessageContaining("duplicate key");
            }
        }
        assertThat(firstStarts).as("first-start hooks run once per data directory").hasValue(1);
    }

    @Test
    void reportsAComponentThatCannotStart() {
        int taken = Stack.freePort();
        try (var blocker = new java.net.ServerSocket(taken);
             Stack stack = Stack.builder().dataDir(dataDir).randomPorts().port("mongo", taken).only("mongo")
                     .output(System.out).build()) {
            assertThatThrownBy(stack::start)
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + taken + " needed by mongo is already in use");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Admin admin(Stack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
    }

    private static KafkaProducer<String, String> producer(Stack stack) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Stack stack) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
    }

    private static List<ConsumerRecord<String, String>> pollAtLeast(KafkaConsumer<String, String> consumer, int count) {
        consumer.subscribe(List.of(TOPIC));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
