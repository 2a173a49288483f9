package org.chibo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.chassis.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Closing a period for a whole city, Hải Phòng's 6,232 branches, on the embedded store: in seconds, every finding raised
 * and published once. The projections are written straight into the store here (what consuming membership and meeting
 * events writes, one document per branch): the subject is the close, not the consumption.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chibo.inspection.calendar.close-cron=-",
        // consumes nothing: the broker is shared by every IT of the JVM, and the branches the ITs run before this one
        // registered on membership.events would be counted among the city's
        "spring.kafka.listener.auto-startup=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CityScaleCloseIT {

    private static final int BRANCHES = 6_232;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "inspection-city-it");
    }

    @Autowired Environment env;
    @Autowired MongoTemplate mongo;

    @Test
    void aMonthIsClosedForTheWholeCityInSecondsAndEachFindingIsPublishedOnce() {
        List<Document> branches = new ArrayList<>();
        // the city committee, root of the tree: the one whose admin may close a period for the whole city
        branches.add(new Document("_id", "hp").append("kind", "CITY_COMMITTEE").append("meets", false).append("path", "/hp/"));
        List<Document> coverage = new ArrayList<>();
        for (int i = 0; i < BRANCHES; i++) {
            String id = "city-branch-" + i;
            branches.add(new Document("_id", id).append("kind", "BRANCH").append("meets", true)
                    .append("path", "/hp/d" + (i % 34) + "/" + id + "/"));
            // two in three branches met in May 2024
            if (i % 3 != 0) {
                coverage.add(new Document("_id", id + "|2024").append("branchId", id).append("year", 2024)
                        .append("covered", List.of("2024-04", "2024-05")));
            }
        }
        mongo.insert(branches, "organisations");
        mongo.insert(coverage, "branch_periods");
        int missing = BRANCHES - coverage.size();
        Http http = new Http("http://localhost:" + env.getProperty("local.server.port"), TestTokens.issue("admin", "hp", Role.CITY_ADMIN));

        long started = System.nanoTime();
        Http.Response closed = http.post("/api/v1/inspection/periods/2024-05/close", "{}");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().path("branchesChecked").asInt()).isEqualTo(BRANCHES);
        assertThat(closed.body().path("findingsRaised").asInt()).isEqualTo(missing);
        assertThat(took).as("closing a month for %d branches", BRANCHES).isLessThan(Duration.ofSeconds(15));
        assertThat(http.post("/api/v1/inspection/periods/2024-05/close", "{}").body().path("alreadyClosed").asBoolean()).isTrue();

        // the outbox may publish an event twice (the sweeper can overtake a slow bulk relay): same event id, which
        // consumers deduplicate on; what counts is one event per finding
        Map<String, String> findingByEventId = await().atMost(Duration.ofSeconds(60)).until(() -> TopicReader.read(
                        EmbeddedInfra.kafkaBootstrap(), "inspection.findings", r -> r.key().startsWith("city-branch-"), Duration.ofSeconds(2))
                .stream().collect(Collectors.toMap(r -> header(r, "ce_id"), r -> header(r, "ce_subject"), (a, b) -> a)),
                m -> m.size() >= missing);
        assertThat(findingByEventId).hasSize(missing);
        assertThat(findingByEventId.values()).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("R-P1:city-branch-") && id.endsWith(":2024-05"));
        System.out.printf("closed 2024-05 for %d branches (%d findings) in %d ms%n", BRANCHES, missing, took.toMillis());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
