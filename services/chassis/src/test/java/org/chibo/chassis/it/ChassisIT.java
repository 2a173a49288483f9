package org.chibo.chassis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.kafka.DeadLetterErrorHandler;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.OutboxRelay;
import org.chibo.chassis.outbox.OutboxSweeper;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.CloudEventHeaders;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberLeft;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.Problems;
import org.chibo.chassis.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/** The delivery guarantees, against a real KRaft broker and a MongoDB wire-protocol server. */
@SpringBootTest(classes = ChassisTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=chassis-test",
        // the tests drive the sweeper by hand, so they know exactly when it runs
        "chibo.outbox.sweep-interval=PT1H",
        "chibo.outbox.sweep-min-age=PT0S"})
class ChassisIT {

    private static final Duration QUIET = Duration.ofSeconds(2);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "chassis-it");
    }

    @Autowired MongoTemplate mongo;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired OutboxRelay relay;
    @Autowired OutboxSweeper sweeper;
    @Autowired Outbox outbox;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired Tracer tracer;
    @Autowired org.springframework.core.env.Environment env;

    /** Token verification and subtree checks, over HTTP, in the same context. */
    @Nested
    class TokensAndScope {

        private static final String PATH = "/city/district/branch/";
        private Http http() {
            return new Http("http://localhost:" + env.getProperty("local.server.port"));
        }

        @Test
        void aValidTokenReadsInsideItsSubtreeAndIsRefusedOutsideWithATrace() {
            Http staff = http().as(TestTokens.issue("staff-1", "district", Role.COMMITTEE_STAFF));
            double refusedBefore = refused("scope");

            Http.Response inside = staff.get("/api/v1/probe?path=" + PATH);
            Http.Response outside = staff.get("/api/v1/probe?path=/city/other-district/branch/");
            Http.Response prefixOnly = staff.get("/api/v1/probe?path=/city/district-2/branch/");

            assertThat(inside.status()).isEqualTo(200);
            assertThat(inside.text("subject")).isEqualTo("staff-1");
            assertThat(inside.body().path("roles").get(0).asString()).isEqualTo("COMMITTEE_STAFF");
            Problems.assertProblem(outside, 403);
            Problems.assertProblem(prefixOnly, 403);
            assertThat(refused("scope")).isEqualTo(refusedBefore + 2);
        }

        @Test
        void aChangeNeedsTheRoleAsWellAsTheSubtreeAndIsMadeInTheTokensName() {
            Http.Response byStaff = http().as(TestTokens.issue("staff-2", "branch", Role.COMMITTEE_STAFF)).post("/api/v1/probe?path=" + PATH, "{}");
            Http.Response byMember = http().as(TestTokens.as("member-1").in("branch").roles(Role.MEMBER).member("member-1").sign())
                    .post("/api/v1/probe?path=" + PATH, "{}");
            Http.Response unknownRoles = http().as(TestTokens.as("x").in("branch").roleNames("SUPERUSER", "admin").sign())
                    .post("/api/v1/probe?path=" + PATH, "{}");

            assertThat(byStaff.status()).isEqualTo(200);
            assertThat(byStaff.text("by")).isEqualTo("staff-2");
            Problems.assertProblem(byMember, 403);
            Problems.assertProblem(unknownRoles, 403);
        }

        @Test
        void noTokenAnExpiredOneAWrongIssuerOrAForgedSignatureIs401Problem() {
            String path = "/api/v1/probe?path=" + PATH;
            Http.Response none = http().get(path);
            Http.Response expired = http().as(TestTokens.as("a").in("city").roles(Role.CITY_ADMIN)
                    .expiresAt(Instant.now().minus(Duration.ofMinutes(5))).sign()).get(path);
            Http.Response wrongIssuer = http().as(TestTokens.as("a").in("city").roles(Role.CITY_ADMIN)
                    .issuedBy("https://issuer.elsewhere.example").sign()).get(path);
            Http.Response forged = http().as(TestTokens.as("a").in("city").roles(Role.CITY_ADMIN).forged().sign()).get(path);
            Http.Response garbage = http().as("not-a-jwt").get(path);

            for (Http.Response r : List.of(none, expired, wrongIssuer, forged, garbage)) {
                assertThat(r.status()).as(r.body().toString()).isEqualTo(401);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.text("type")).endsWith("/unauthenticated");
            }
            assertThat(none.text("detail")).contains("no bearer token");
            assertThat(expired.text("detail")).containsIgnoringCase("expired");
            assertThat(wrongIssuer.text("detail")).contains("iss");
        }

        @Test
        void aQueryParameterTheEndpointDoesNotDeclareIsRefusedNamingIt() {
            Http staff = http().as(TestTokens.issue("staff-3", "district", Role.COMMITTEE_STAFF));

            Problems.assertProblem(staff.get("/api/v1/probe?path=" + PATH + "&path%5B%24ne%5D=x"), 400, "path[$ne]");
            Problems.assertProblem(staff.get("/api/v1/probe?path=" + PATH + "&access_token=x"), 400, "access_token");
            assertThat(staff.get("/api/v1/probe?path=" + PATH).status()).isEqualTo(200);
        }

        @Test
        void probesAndTheScrapeNeedNoToken() {
            // the test store does not answer the health indicator's 'hello' (503 here): it is the absence of 401 that counts
            assertThat(http().get("/actuator/health").status()).isIn(200, 503);
            assertThat(http().get("/actuator/info").status()).isEqualTo(200);
            assertThat(http().get("/actuator/prometheus").status()).isNotIn(401, 403);
        }

        private double refused(String reason) {
            var counter = meters.find("chibo.security.refused").tag("reason", reason).counter();
            return counter == null ? 0 : counter.count();
        }
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() throws Exception {
        String branch = "branch-" + UUID.randomUUID();
        PendingEvent event = memberAdmitted(branch, "member-" + UUID.randomUUID(), "Trần Thị Bình");
        PendingEvent later = memberAdmitted(branch, "member-" + UUID.randomUUID(), "Lê Văn Cường");

        kafka.send(CloudEvents.toRecord(event)).get();
        kafka.send(CloudEvents.toRecord(event)).get();
        kafka.send(CloudEvents.toRecord(later)).get();

        // the later event shares the key, so once it is counted the duplicate before it has been seen too
        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(later) == 1);
        assertThat(countOf(event)).isEqualTo(1);
    }

    @Test
    void crashBetweenSavingAndPublishingStillPublishesOnce() {
        String branch = "branch-" + UUID.randomUUID();
        PendingEvent event = memberAdmitted(branch, "member-" + UUID.randomUUID(), "Phạm Văn Dũng");
        ChassisTestApp.Widget widget = new ChassisTestApp.Widget();
        widget.id = UUID.randomUUID().toString();
        widget.name = "saved, then the process died before publishing";
        widget.pendingEvents.add(event);
        mongo.save(widget);

        sweeper.sweep();

        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(event) == 1);
        assertThat(mongo.findById(widget.id, ChassisTestApp.Widget.class).pendingEvents).isEmpty();
        assertThat(relay.sweep(ChassisTestApp.WIDGETS, Duration.ZERO, 100)).isZero();
        assertThat(published(event)).hasSize(1);
    }

    @Test
    void crashBetweenPublishingAndRemovingPublishesAgainButCountsOnce() {
        String branch = "branch-" + UUID.randomUUID();
        PendingEvent event = memberAdmitted(branch, "member-" + UUID.randomUUID(), "Hoàng Thị Em");
        ChassisTestApp.Widget widget = new ChassisTestApp.Widget();
        widget.id = UUID.randomUUID().toString();
        widget.pendingEvents.add(event);
        mongo.save(widget);
        assertThat(relay.relay(ChassisTestApp.WIDGETS, widget.id)).isEqualTo(1);
        // as if the removal had never happened
        mongo.updateFirst(Query.query(Criteria.where("_id").is(widget.id)),
                new Update().push("pendingEvents", mongo.getConverter().convertToMongoType(event)), ChassisTestApp.WIDGETS);

        assertThat(relay.relay(ChassisTestApp.WIDGETS, widget.id)).isEqualTo(1);

        assertThat(published(event)).hasSize(2);
        PendingEvent later = memberAdmitted(branch, "member-" + UUID.randomUUID(), "Vũ Văn Giang");
        kafka.send(CloudEvents.toRecord(later));
        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(later) == 1);
        assertThat(countOf(event)).isEqualTo(1);
    }

    @Test
    void eventsAddedWhileTheDocumentIsBeingRelayedArePublishedWithoutWaitingForTheSweeper() {
        // a command answered right after another on the same aggregate: its publish must not be dropped because the
        // first one is still in flight (this test's sweeper runs once an hour, so only the immediate path counts)
        String branch = "branch-" + UUID.randomUUID();
        ChassisTestApp.Widget widget = new ChassisTestApp.Widget();
        widget.id = UUID.randomUUID().toString();
        List<PendingEvent> events = new java.util.ArrayList<>();
        events.add(memberAdmitted(branch, "member-" + UUID.randomUUID(), "Đảng viên 0"));
        widget.pendingEvents.add(events.get(0));
        mongo.save(widget);
        outbox.publishSoon(ChassisTestApp.WIDGETS, widget.id);
        for (int i = 1; i < 40; i++) {
            PendingEvent next = memberAdmitted(branch, "member-" + UUID.randomUUID(), "Đảng viên " + i);
            events.add(next);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(widget.id)),
                    new Update().push("pendingEvents", mongo.getConverter().convertToMongoType(next)), ChassisTestApp.WIDGETS);
            outbox.publishSoon(ChassisTestApp.WIDGETS, widget.id);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(widget.id, ChassisTestApp.Widget.class).pendingEvents.isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(events.getLast()) == 1);
        assertThat(events).allSatisfy(e -> assertThat(countOf(e)).isEqualTo(1));
    }

    @Test
    void aBulkWriteIsPublishedInOneGoAndCountedOnce() {
        String branch = "branch-" + UUID.randomUUID();
        List<ChassisTestApp.Widget> widgets = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ChassisTestApp.Widget w = new ChassisTestApp.Widget();
            w.id = UUID.randomUUID().toString();
            w.pendingEvents.add(memberAdmitted(branch, "member-" + UUID.randomUUID(), "Đảng viên " + i));
            widgets.add(w);
        }
        mongo.insertAll(widgets);
        List<String> ids = widgets.stream().map(w -> w.id).toList();

        assertThat(relay.relayAll(ChassisTestApp.WIDGETS, ids)).isEqualTo(50);

        assertThat(relay.relayAll(ChassisTestApp.WIDGETS, ids)).isZero();
        PendingEvent last = widgets.get(49).pendingEvents.get(0);
        // one key, one partition, sent in the bulk write's order: once the last is counted, all are
        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(last) == 1);
        assertThat(widgets).allSatisfy(w -> assertThat(countOf(w.pendingEvents.get(0))).isEqualTo(1));
        assertThat(mongo.findById(ids.get(0), ChassisTestApp.Widget.class).pendingEvents).isEmpty();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithAReasonAndThePartitionKeepsFlowing() throws Exception {
        String branch = "branch-" + UUID.randomUUID();
        String garbageId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> notACloudEvent = new ProducerRecord<>("membership.events", branch,
                "{\"hello\":".getBytes(StandardCharsets.UTF_8));
        notACloudEvent.headers().add("marker", garbageId.getBytes(StandardCharsets.UTF_8));
        PendingEvent badData = new PendingEvent(UUID.randomUUID().toString(), EventCatalogue.MEMBER_ADMITTED.type(),
                "membership.events", branch, "/chibo/test", null, Instant.now(), "{\"admittedOn\": \"not a date\"}", null);
        String bystanderId = "member-" + UUID.randomUUID();
        PendingEvent bystander = PendingEvent.of(EventCatalogue.MEMBER_LEFT, branch, bystanderId,
                new MemberLeft(bystanderId, branch, "DECEASED", java.time.LocalDate.of(2026, 10, 20), null), Instant.now());
        PendingEvent rejected = memberAdmitted(branch, "member-" + UUID.randomUUID(), ChassisTestApp.REJECTED_NAME);
        PendingEvent good = memberAdmitted(branch, "member-" + UUID.randomUUID(), "Đỗ Thị Hạnh");

        kafka.send(notACloudEvent).get();
        kafka.send(CloudEvents.toRecord(badData)).get();
        kafka.send(CloudEvents.toRecord(bystander)).get();
        kafka.send(CloudEvents.toRecord(rejected)).get();
        kafka.send(CloudEvents.toRecord(good)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(good) == 1);
        assertThat(countIn(ChassisTestApp.EFFECTS, bystander)).isEqualTo(1);
        assertThat(countIn(ChassisTestApp.BATCH_EFFECTS, bystander)).as("ignored by the batch listener").isZero();
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events.dlt",
                r -> branch.equals(r.key()), QUIET);
        for (String group : List.of("chassis-test", ChassisTestApp.CountingListener.BATCH_GROUP)) {
            List<ConsumerRecord<String, byte[]>> ofGroup = dead.stream()
                    .filter(r -> group.equals(CloudEvents.get(r.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))).toList();
            // the parser's own message continues after the part asserted here; the reason keeps it whole
            assertThat(ofGroup).as("dead letters of " + group)
                    .extracting(r -> CloudEvents.get(r.headers(), DeadLetterErrorHandler.REASON_HEADER))
                    .map(reason -> reason.replaceFirst("(from String \"not a date\").*", "$1"))
                    .containsExactly(
                            "PoisonEventException: record has no ce_id header: not a CloudEvent",
                            "PoisonEventException: data of event " + badData.id() + " is not a valid chibo.membership.member-admitted.v1: "
                                    + "Cannot deserialize value of type `java.time.LocalDate` from String \"not a date\"",
                            "EventRejectedException: member " + memberIdOf(rejected) + " cannot be applied");
            assertThat(CloudEvents.get(ofGroup.get(0).headers(), "marker")).isEqualTo(garbageId);
            // the record dead-lettered is the rejected one, not the ignored one before it in the poll
            assertThat(CloudEvents.get(ofGroup.get(2).headers(), "ce_id")).isEqualTo(rejected.id());
            assertThat(ofGroup.get(0).partition()).isEqualTo(published(good).get(0).partition());
        }
    }

    @Test
    void theCommandsTraceContinuesThroughTheOutboxIntoKafka() {
        Span span = tracer.nextSpan().name("command").start();
        PendingEvent event;
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            event = outbox.stamp(memberAdmitted("branch-" + UUID.randomUUID(), "member-" + UUID.randomUUID(), "Ngô Văn Ích"));
        } finally {
            span.end();
        }
        ChassisTestApp.Widget widget = new ChassisTestApp.Widget();
        widget.id = UUID.randomUUID().toString();
        widget.pendingEvents.add(event);
        mongo.save(widget);

        relay.relay(ChassisTestApp.WIDGETS, widget.id);

        String traceparent = CloudEvents.get(published(event).get(0).headers(), "traceparent");
        assertThat(traceparent).contains(span.context().traceId());
    }

    private static PendingEvent memberAdmitted(String branch, String memberId, String name) {
        MemberAdmitted data = new MemberAdmitted(memberId, branch, "/hp/" + branch + "/", name, "HP-" + memberId,
                "OFFICIAL", LocalDate.of(2015, 3, 2));
        // keyed by branch here so that the events of one test share a partition and their order is known
        return PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, branch, memberId, data, Instant.now());
    }

    private static String memberIdOf(PendingEvent e) {
        return e.subject();
    }

    /** How often the event was counted, by the record listener and the batch listener alike (-1 if they differ). */
    private int countOf(PendingEvent event) {
        int byRecord = countIn(ChassisTestApp.EFFECTS, event);
        int byBatch = countIn(ChassisTestApp.BATCH_EFFECTS, event);
        return byRecord == byBatch ? byRecord : -1;
    }

    private int countIn(String effects, PendingEvent event) {
        Document d = mongo.findById(memberIdOf(event), Document.class, effects);
        return d == null ? 0 : d.getInteger("count");
    }

    private static List<ConsumerRecord<String, byte[]>> published(PendingEvent event) {
        return TopicReader.read(EmbeddedInfra.kafkaBootstrap(), event.topic(),
                r -> event.id().equals(CloudEvents.get(r.headers(), CloudEventHeaders.ID)), QUIET);
    }
}
