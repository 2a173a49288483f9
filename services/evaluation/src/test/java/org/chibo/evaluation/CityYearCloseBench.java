package org.chibo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.TestTokens;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.chibo.contracts.Topics;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberDisciplined;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Year close at city scale, through the real pipeline: a Hải Phòng-sized city (34 direct committees, 580 grassroots
 * committees, 6,232 branches, 128,874 members) and its year of meeting records (12 regular and 4 thematic per branch),
 * some discipline and serious findings, are published to the embedded broker; the service consumes them into its
 * embedded store; then the year is closed through the admin call and every rating is published. Prints how long each
 * step took (no timing is asserted) to the console and to {@code target/city-year-close.txt}.
 * <p>
 * Not part of {@code verify}: run it by name, {@code -Dit.test=CityYearCloseBench}. Smaller cities:
 * {@code -Dbench.branches=600 -Dbench.members=12400}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chibo.evaluation.year-close.scheduler-enabled=false")
class CityYearCloseBench {

    private static final int YEAR = 2025;
    private static final int BRANCHES = Integer.getInteger("bench.branches", 6_232);
    private static final int MEMBERS = Integer.getInteger("bench.members", 128_874);
    private static final int DIRECT = Math.min(34, BRANCHES);
    private static final int GRASSROOTS = Math.max(DIRECT, Math.min(580, BRANCHES));
    /** The city's administrator (the city committee is {@code hp}): closes the year and reads the city's statistics. */
    private static final String CITY_ADMIN = TestTokens.as("bench-admin").in("hp").roles(Role.CITY_ADMIN)
            .expiresAt(Instant.now().plus(Duration.ofHours(6))).sign();   // a city on a busy machine may take a while

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "evaluation-bench");
    }

    @Autowired Environment env;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MongoTemplate mongo;

    private final List<CompletableFuture<SendResult<String, byte[]>>> inFlight = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private final ReadmeOracle oracle = new ReadmeOracle();

    @Test
    void aCitysYearIsClosedThroughThePipeline() throws Exception {
        Random random = new Random(42);
        long started = System.nanoTime();
        long events = publishCity(random);
        long published = System.nanoTime();
        line("published %,d events (%d branches, %,d members, %,d meetings) in %.1f s", events, BRANCHES, MEMBERS,
                BRANCHES * 16, seconds(started, published));

        awaitConsumed(Set.of(Topics.MEMBERSHIP_EVENTS.name(), Topics.MEETING_EVENTS.name(), Topics.INSPECTION_FINDINGS.name()));
        long consumed = System.nanoTime();
        line("consumed by the service in %.1f s after the first send (%.0f events/s)", seconds(started, consumed),
                events / seconds(started, consumed));

        long closeStarted = System.nanoTime();
        // the test Http client gives up after 30 s; a city's close may take longer
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + env.getProperty("local.server.port") + "/api/v1/evaluation/years/" + YEAR + "/close"))
                .header("Authorization", "Bearer " + CITY_ADMIN)
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        long closeAnswered = System.nanoTime();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode closed = JsonMapper.builder().build().readTree(response.body());
        line("year close answered in %.1f s (server: %,d ms): %s", seconds(closeStarted, closeAnswered),
                closed.path("durationMillis").asLong(), closed);
        assertThat(closed.path("membersRated").asInt()).isEqualTo(MEMBERS);
        assertThat(closed.path("branchesRated").asInt()).isEqualTo(BRANCHES);

        Query unpublished = Query.query(Criteria.where("pendingEvents.0").exists(true));
        unpublished.fields().include("_id");
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2))
                .until(() -> mongo.find(unpublished.limit(1), Document.class, "ratings").isEmpty());
        long allPublished = System.nanoTime();
        line("every rating's event published %.1f s after the close began", seconds(closeStarted, allPublished));

        long statisticsAsked = System.nanoTime();
        HttpResponse<String> statistics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + env.getProperty("local.server.port") + "/api/v1/evaluation/statistics?year=" + YEAR))
                .header("Authorization", "Bearer " + CITY_ADMIN)
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(statistics.statusCode()).isEqualTo(200);
        JsonNode city = JsonMapper.builder().build().readTree(statistics.body()).path("total").path("current");
        line("statistics (34 districts and the city, this year and last) answered in %.1f s; city: %s",
                seconds(statisticsAsked, System.nanoTime()), city);

        assertCapHoldsInEveryUnit();
        assertEveryRatingIsTheOneTheReadmeImplies();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/city-year-close.txt"), report);
    }

    // ---- the city --------------------------------------------------------------------------------------------------

    private long publishCity(Random random) throws IOException {
        long events = 0;
        String city = "hp";
        send(EventCatalogue.ORGANISATION_REGISTERED, city, org(city, null, "CITY_COMMITTEE", "/hp/"));
        String[] directPaths = new String[DIRECT];
        for (int d = 0; d < DIRECT; d++) {
            String id = "hp-d%02d".formatted(d);
            directPaths[d] = "/hp/" + id + "/";
            send(EventCatalogue.ORGANISATION_REGISTERED, id, org(id, city, "DIRECT_COMMITTEE", directPaths[d]));
        }
        String[] grassrootsPaths = new String[GRASSROOTS];
        for (int g = 0; g < GRASSROOTS; g++) {
            String id = "hp-g%03d".formatted(g);
            grassrootsPaths[g] = directPaths[g % DIRECT] + id + "/";
            send(EventCatalogue.ORGANISATION_REGISTERED, id, org(id, "hp-d%02d".formatted(g % DIRECT), "GRASSROOTS_COMMITTEE", grassrootsPaths[g]));
        }
        events += 1 + DIRECT + GRASSROOTS;
        int perBranch = MEMBERS / BRANCHES;
        int larger = MEMBERS - perBranch * BRANCHES;
        int memberNo = 0;
        for (int b = 0; b < BRANCHES; b++) {
            String branch = "hp-b%04d".formatted(b);
            String path = grassrootsPaths[b % GRASSROOTS] + branch + "/";
            oracle.branches.put(branch, new ReadmeOracle.BranchTruth(branch, "hp-g%03d".formatted(b % GRASSROOTS)));
            send(EventCatalogue.ORGANISATION_REGISTERED, branch, org(branch, "hp-g%03d".formatted(b % GRASSROOTS), "BRANCH", path));
            List<String> members = new ArrayList<>();
            for (int i = 0; i < perBranch + (b < larger ? 1 : 0); i++) {
                String member = "hp-m%06d".formatted(memberNo++);
                members.add(member);
                oracle.members.put(member, new ReadmeOracle.MemberTruth(member, branch));
                send(EventCatalogue.MEMBER_ADMITTED, member, new MemberAdmitted(member, branch, path, "Đảng viên " + member,
                        "card-" + member, "OFFICIAL", LocalDate.of(2010, 1, 1)));
                if (random.nextInt(400) == 0) {
                    oracle.members.get(member).disciplined = true;
                    oracle.branches.get(branch).disciplinedMember = true;
                    send(EventCatalogue.MEMBER_DISCIPLINED, member, new MemberDisciplined(member, branch, "REPRIMAND",
                            LocalDate.of(YEAR, 1 + random.nextInt(12), 1 + random.nextInt(28)), null, "benchmark"));
                    events++;
                }
            }
            events += 1 + members.size() + publishYear(branch, path, members, random);
            if (b % 500 == 499) {
                drain();
            }
        }
        drain();
        return events;
    }

    /** A branch's year: 12 regular meetings, 4 thematic; mostly full attendance, some absences, a few records late. */
    private long publishYear(String branch, String path, List<String> members, Random random) {
        long events = 0;
        Map<String, Integer> unexcusedMonths = new HashMap<>();
        for (int month = 1; month <= 12; month++) {
            events += meeting(branch, path, "REGULAR", "%d-%02d".formatted(YEAR, month), LocalDate.of(YEAR, month, 10), members, random, unexcusedMonths);
            if (month % 3 == 2) {
                events += meeting(branch, path, "THEMATIC", YEAR + "-Q" + (month / 3 + 1), LocalDate.of(YEAR, month, 20), members, random, unexcusedMonths);
            }
        }
        for (Map.Entry<String, Integer> e : unexcusedMonths.entrySet()) {
            if (e.getValue() >= 3) {
                String id = "R-M3:" + e.getKey() + ":" + YEAR;
                oracle.members.get(e.getKey()).openSeriousFinding = true;
                oracle.branches.get(branch).openSeriousFindings++;
                send(EventCatalogue.FINDING_RAISED, branch, new FindingRaised(id, "R-M3", 1, "SERIOUS", "Charter art. 8", branch, path,
                        null, LocalDate.of(YEAR, 12, 10), List.of(e.getKey()), Map.of("because", List.of("R-M1")), "consider removal",
                        Instant.parse("2025-12-11T00:00:00Z")));
                events++;
            }
        }
        return events;
    }

    private long meeting(String branch, String path, String type, String period, LocalDate heldOn, List<String> members, Random random,
                         Map<String, Integer> unexcusedMonths) {
        List<Attendee> roster = new ArrayList<>(members.size());
        for (String m : members) {
            int roll = random.nextInt(100);
            String attendance = roll < 94 ? "PRESENT" : roll < 98 ? "ABSENT_EXCUSED" : "ABSENT_UNEXCUSED";
            if (attendance.equals("ABSENT_UNEXCUSED") && type.equals("REGULAR")) {
                unexcusedMonths.merge(m, 1, Integer::sum);
            }
            roster.add(new Attendee(m, "Đảng viên " + m, "OFFICIAL", false, attendance, attendance.equals("PRESENT") ? null : "—"));
            ReadmeOracle.MemberTruth truth = oracle.members.get(m);
            ReadmeOracle.BranchTruth branchTruth = oracle.branches.get(branch);
            truth.expected++;
            branchTruth.expected++;
            switch (attendance) {
                case "PRESENT" -> {
                    truth.present++;
                    branchTruth.present++;
                }
                case "ABSENT_EXCUSED" -> truth.excused++;
                default -> {
                    truth.unexcused++;
                    truth.unexcusedMonths.add(heldOn.getMonthValue());
                }
            }
        }
        int closedAfter = random.nextInt(100) < 3 ? 9 : 1;
        if (closedAfter <= 7) {
            oracle.branches.get(branch).periodsOnTime.add(period);
        }
        MeetingRecorded m = new MeetingRecorded(branch + ":" + period + ":" + type, branch, path, type, "IN_PERSON", heldOn, null,
                null, heldOn.atStartOfDay().toInstant(ZoneOffset.UTC), type.equals("THEMATIC") ? "Học tập nghị quyết" : null, roster,
                null, "BRANCH", null, period, "hội trường", heldOn.plusDays(closedAfter), null);
        send(EventCatalogue.MEETING_RECORDED, branch, m);
        return 1;
    }

    private static OrganisationRegistered org(String id, String parent, String kind, String path) {
        return new OrganisationRegistered(id, parent, kind, "Tổ chức " + id, path, Instant.parse("2024-01-01T00:00:00Z"), null,
                kind.equals("BRANCH") ? "RESIDENTIAL_GROUP" : null, null);
    }

    private <T> void send(EventType<T> type, String key, T payload) {
        inFlight.add(kafka.send(CloudEvents.toRecord(PendingEvent.of(type, key, key, payload, Instant.now()))));
    }

    private void drain() {
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        inFlight.clear();
    }

    // ---- measuring -------------------------------------------------------------------------------------------------

    /** Waits until the service's consumer group has committed the end of every partition of the topics. */
    private void awaitConsumed(Set<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : topics) {
                for (int p = 0; p < 12; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long lastReport = System.nanoTime();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(env.getProperty("spring.application.name"))
                        .partitionsToOffsetAndMetadata().get();
                long done = ends.keySet().stream().mapToLong(tp -> committed.get(tp) == null ? 0 : Math.min(committed.get(tp).offset(), ends.get(tp))).sum();
                if (done >= total) {
                    return;
                }
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    System.out.printf(Locale.ROOT, "[bench] consumed %,d of %,d%n", done, total);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(1000);
            }
        }
    }

    /** In every rating unit, EXCELLENT is at most floor(20%) of those GOOD or better. */
    private void assertCapHoldsInEveryUnit() {
        Map<String, int[]> units = new HashMap<>();
        Map<String, Integer> distribution = new java.util.TreeMap<>();
        Query q = new Query().cursorBatchSize(1000);
        q.fields().include("subjectType").include("ratingUnitId").include("proposedRating");
        try (var all = mongo.stream(q, Document.class, "ratings")) {
            all.forEach(d -> {
                String rating = d.getString("proposedRating");
                distribution.merge(d.getString("subjectType") + " " + rating, 1, Integer::sum);
                int[] c = units.computeIfAbsent(d.getString("subjectType") + "/" + d.getString("ratingUnitId"), u -> new int[2]);
                if (rating.equals("EXCELLENT") || rating.equals("GOOD")) {
                    c[0]++;
                }
                if (rating.equals("EXCELLENT")) {
                    c[1]++;
                }
            });
        }
        line("distribution %s over %,d rating units", distribution, units.size());
        units.forEach((unit, c) -> assertThat(c[1]).as(unit).isLessThanOrEqualTo((int) Math.floor(0.2 * c[0] + 1e-9)));
    }

    /** Every proposed rating equals what the README's rules, applied independently to the generated year, imply. */
    private void assertEveryRatingIsTheOneTheReadmeImplies() {
        Map<String, String> expected = oracle.expected(YEAR);
        Query q = new Query().cursorBatchSize(1000);
        q.fields().include("subjectType").include("subjectId").include("proposedRating");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        try (var all = mongo.stream(q, Document.class, "ratings")) {
            for (Document d : (Iterable<Document>) all::iterator) {
                String key = d.getString("subjectType") + ":" + d.getString("subjectId");
                compared++;
                if (!d.getString("proposedRating").equals(expected.get(key))) {
                    differences.add(key + " proposed " + d.getString("proposedRating") + ", README implies " + expected.get(key));
                }
            }
        }
        line("%,d ratings compared with the README's rules applied independently: %,d differ%s", compared, differences.size(),
                differences.isEmpty() ? "" : " " + differences.subList(0, Math.min(10, differences.size())));
        assertThat(compared).isEqualTo(expected.size());
        assertThat(differences).isEmpty();
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println("[bench] " + text);
        report.add(text);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
