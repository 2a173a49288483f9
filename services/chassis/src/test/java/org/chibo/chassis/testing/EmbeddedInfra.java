package org.chibo.chassis.testing;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A real KRaft Kafka broker and a MongoDB wire-protocol server, started once per test JVM and shared by every
 * test class in it (each test uses its own database and consumer group). Real network, real drivers: no mocks.
 */
public final class EmbeddedInfra {

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static String mongoAddress;

    private EmbeddedInfra() {
    }

    public static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 12);
            kafka.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "false"));
            kafka.afterPropertiesSet();
            // No shutdown hook stops it: hooks run at once, and a broker gone before the Spring contexts close keeps
            // their consumers waiting for it (30 s, the test JVM is then killed). It ends with the test JVM.
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            java.net.InetSocketAddress address = mongo.bind();
            mongoAddress = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return mongoAddress + "/" + database;
    }

    /**
     * For {@code @DynamicPropertySource}: points Spring Kafka and Spring Data MongoDB at the embedded pair, and makes
     * the service trust the test issuer ({@link TestTokens}).
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", EmbeddedInfra::kafkaBootstrap);
        // Spring keeps a test class's context alive for the next one in the same JVM; in one consumer group the two
        // would split the partitions, and half of each class's events would land in the other class's database
        registry.add("spring.application.name", () -> database);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
        // tokens from TestTokens verify; any other issuer's do not
        registry.add("chibo.security.issuer", () -> TestTokens.ISSUER);
        registry.add("chibo.security.public-key", () -> "classpath:security/test-issuer.pub");
        registry.add("chibo.security.jwk-set-uri", () -> "");
    }
}
