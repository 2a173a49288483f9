package org.chibo.membership.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.CloudEventHeaders;
import org.chibo.contracts.membership.MembersOnboarded;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OnboardingIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "onboarding-it");
    }

    @Autowired Environment env;
    String base;
    String p;
    /** The city admin of the city each test imports: bound to the id its root unit's code gives it. */
    String token;

    @BeforeEach
    void setUp() {
        base = "http://localhost:" + env.getProperty("local.server.port");
        p = "T" + UUID.randomUUID().toString().substring(0, 6);
        token = TestTokens.issue("admin@" + p, RegisterImport.unitId(p), Role.CITY_ADMIN);
    }

    @Test
    void goodRowsAreWrittenBadOnesReportedExactlyAndASecondImportChangesNothing() throws Exception {
        String file = String.join("\n",
                unit(p, "Đảng bộ thử nghiệm", "CITY_COMMITTEE", null, ""),
                unit(p + ".D1", "Quận ủy Lê Chân", "DIRECT_COMMITTEE", p, ""),
                unit(p + ".D1.G1", "Đảng ủy phường An Biên", "GRASSROOTS_COMMITTEE", p + ".D1", ""),
                unit(p + ".D1.G1.B1", "Chi bộ Tổ dân phố 1", "BRANCH", p + ".D1.G1", ",\"branchKind\":\"RESIDENTIAL_GROUP\",\"meetingDay\":5"),
                unit(p + ".D1.B2", "Chi bộ cơ sở Trường THCS", "GRASSROOTS_BRANCH", p + ".D1", ",\"branchKind\":\"SCHOOL\""),
                unit(p + ".X", "Chi bộ lạc chỗ", "BRANCH", p + ".D1", ""),                                   // 6: BRANCH under a direct committee
                member(p + "-0001", "Nguyễn Văn An", p + ".D1.G1.B1", "OFFICIAL", "2001-05-02", "2002-06-01"),
                member(p + "-0002", "Trần Thị Bình", p + ".D1.G1.B1", "PROBATIONARY", "2026-02-10", null),
                member(p + "-0003", "Lê Văn Cường", p + ".D1.G1", "OFFICIAL", "2001-05-02", "2002-06-01"),  // 9: a committee keeps no rolls
                member(p + "-0001", "Nguyễn Văn An", p + ".D1.B2", "OFFICIAL", "2001-05-02", "2002-06-01"), // 10: card twice
                member(p + "-0005", "Phạm Văn Dũng", p + ".D1.B2", "OFFICIAL", "2026-02-10", null),          // 11: official too early
                "{\"record\":\"member\",\"cardNumber\":\"" + p + "-0006\",\"fullName\":\"Vũ Thị Em\",\"branchCode\":\"" + p
                        + ".D1.B2\",\"status\":\"OFFICIAL\",\"admittedOn\":\"2001-05-02\",\"salary\":1}",           // 12: unknown field
                "not json at all",                                                                                 // 13
                member(p + "-0008", "Đỗ Văn Giang", p + ".NOPE", "OFFICIAL", "2001-05-02", null),              // 14: unknown branch
                member(p + "-0009", "Hoàng Thị Hạnh", p + ".D1.B2", "OFFICIAL", "1999-01-02", "2000-01-15"));

        JsonNode first = post(file, 1);

        assertThat(first.path("created").path("units").asInt()).isEqualTo(5);
        assertThat(first.path("created").path("members").asInt()).isEqualTo(3);
        assertThat(first.path("unchanged").asInt()).isZero();
        assertThat(rejected(first)).containsExactly(
                "6 parentCode", "9 branchCode", "10 cardNumber", "11 status", "12 salary", "13 record", "14 branchCode");

        JsonNode second = post(file, 1);
        assertThat(second.path("created").path("units").asInt()).isZero();
        assertThat(second.path("created").path("members").asInt()).isZero();
        assertThat(second.path("unchanged").asInt()).isEqualTo(8);
        assertThat(rejected(second)).isEqualTo(rejected(first));

        Http http = new Http(base, token);
        String cityId = http.get("/api/v1/organisations?code=" + p).body().path("items").get(0).path("id").asString();
        JsonNode counts = http.get("/api/v1/organisations/" + cityId + "/counts").body();
        assertThat(counts.path("unitsByKind").path("DIRECT_COMMITTEE").asInt()).isEqualTo(1);
        assertThat(counts.path("unitsByKind").path("BRANCH").asInt()).isEqualTo(1);
        assertThat(counts.path("unitsByKind").path("GRASSROOTS_BRANCH").asInt()).isEqualTo(1);
        assertThat(counts.path("members").path("OFFICIAL").asInt()).isEqualTo(2);
        assertThat(counts.path("members").path("PROBATIONARY").asInt()).isEqualTo(1);
        assertThat(counts.path("members").path("total").asInt()).isEqualTo(3);

        // each created record's event was published once, although the file was imported twice
        List<String> published = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> new String(r.value()).contains(p), Duration.ofSeconds(2)).stream()
                .map(r -> CloudEvents.get(r.headers(), CloudEventHeaders.TYPE)).toList();
        assertThat(published).filteredOn(t -> t.contains("organisation-registered")).hasSize(5);
        assertThat(published).filteredOn(t -> t.contains("member-admitted")).isEmpty();
        List<MembersOnboarded.Entry> onboarded = onboarded(p);
        assertThat(onboarded).extracting(MembersOnboarded.Entry::cardNumber)
                .containsExactlyInAnyOrder(p + "-0001", p + "-0002", p + "-0009");
        // an onboarded official member's recognition day travels with the admission: meetings before it count them probationary
        assertThat(onboarded).filteredOn(e -> e.cardNumber().equals(p + "-0009")).singleElement()
                .extracting(MembersOnboarded.Entry::recognisedOn).isEqualTo(java.time.LocalDate.of(2000, 1, 15));
    }

    /**
     * A city's onboarding is announced a partition at a time: each members-onboarded record lies on the partition
     * of every member it names, so a member's later events (keyed by their id) come after their admission.
     */
    @Test
    void onboardingEventsLieOnTheirMembersPartitions() throws Exception {
        List<String> rows = new java.util.ArrayList<>(List.of(
                unit(p, "Đảng bộ phân vùng", "CITY_COMMITTEE", null, ""),
                unit(p + ".D1", "Quận ủy Kiến An", "DIRECT_COMMITTEE", p, ""),
                unit(p + ".D1.B1", "Chi bộ cơ sở Bắc Sơn", "GRASSROOTS_BRANCH", p + ".D1", "")));
        for (int i = 1; i <= 60; i++) {
            rows.add(member(p + "-%04d".formatted(i), "Đảng viên số " + i, p + ".D1.B1", "OFFICIAL", "2001-05-02", null));
        }
        assertThat(post(String.join("\n", rows), 1).path("created").path("members").asInt()).isEqualTo(60);

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records = onboardingRecords(p);
        assertThat(records.size()).as("one event per partition the members fall on").isBetween(2, 12);
        int entries = 0;
        for (var r : records) {
            MembersOnboarded event = CloudEvents.fromRecord(r).dataAs(org.chibo.contracts.EventCatalogue.MEMBERS_ONBOARDED);
            for (MembersOnboarded.Entry e : event.members()) {
                assertThat(OnboardingBatches.partition(e.memberId(), 12)).as(e.cardNumber()).isEqualTo(r.partition());
                entries++;
            }
        }
        assertThat(entries).isEqualTo(60);
    }

    @Autowired OnboardingBatches batches;
    @Autowired org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired org.chibo.membership.member.MemberService memberService;

    /**
     * A request that died between writing its members and releasing their batch: the leftover job releases the batch
     * with the members that were written, once however often it runs; a batch that wrote no member is dropped.
     */
    @Test
    void aBatchLeftPreparedByADeadRequestIsReleasedOnceWithTheMembersItWrote() throws Exception {
        assertThat(post(String.join("\n", unit(p, "Đảng bộ gián đoạn", "CITY_COMMITTEE", null, ""),
                unit(p + ".D1", "Quận ủy Đồ Sơn", "DIRECT_COMMITTEE", p, ""),
                unit(p + ".D1.B1", "Chi bộ cơ sở Vạn Hương", "GRASSROOTS_BRANCH", p + ".D1", "")), 1).path("rejected").size()).isZero();
        var branch = mongo.findById(RegisterImport.unitId(p + ".D1.B1"), org.chibo.membership.organisation.OrganisationUnit.class);
        String batchId = OnboardingBatches.newBatchId();
        batches.prepare(batchId);
        List<org.chibo.membership.member.Member> written = List.of(1, 2, 3).stream().map(i -> memberService.onboardedMember(
                RegisterImport.memberId(p + "-000" + i), branch, new org.chibo.membership.member.NewMember("Người số " + i,
                        p + "-000" + i, org.chibo.membership.member.MemberStatus.OFFICIAL, null, null,
                        java.time.LocalDate.of(2001, 5, 2), null), null, batchId)).toList();
        mongo.insertAll(written);
        String empty = OnboardingBatches.newBatchId();
        batches.prepare(empty);
        batches.releaseLeftovers();
        assertThat(onboardingRecords(p)).as("not before the leftover age: the request may still be writing").isEmpty();

        ageBatches(batchId, empty);
        batches.releaseLeftovers();
        batches.releaseLeftovers();
        assertThat(onboarded(p)).extracting(MembersOnboarded.Entry::cardNumber)
                .containsExactlyInAnyOrder(p + "-0001", p + "-0002", p + "-0003");
        assertThat(mongo.findById(batchId, OnboardingBatch.class).getState()).isEqualTo(OnboardingBatch.State.RELEASED);
        assertThat(mongo.findById(empty, OnboardingBatch.class)).isNull();
        // the request itself, had it come back, would find the batch released and publish nothing more
        assertThat(batches.release(batchId, written)).isFalse();
        assertThat(onboarded(p)).hasSize(3);
    }

    private void ageBatches(String... ids) {
        mongo.updateMulti(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").in((Object[]) ids)),
                new org.springframework.data.mongodb.core.query.Update().set("preparedAt", java.time.Instant.now().minus(Duration.ofHours(1))),
                OnboardingBatch.class);
    }

    /** The members-onboarded records naming members whose card number starts with {@code prefix}. */
    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> onboardingRecords(String prefix) {
        return TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> "chibo.membership.members-onboarded.v1".equals(CloudEvents.get(r.headers(), CloudEventHeaders.TYPE))
                        && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains("\"" + prefix + "-"),
                Duration.ofSeconds(2));
    }

    /** Every member entry published for card numbers starting with {@code prefix}. */
    private static List<MembersOnboarded.Entry> onboarded(String prefix) {
        return onboardingRecords(prefix).stream()
                .flatMap(r -> CloudEvents.fromRecord(r).dataAs(org.chibo.contracts.EventCatalogue.MEMBERS_ONBOARDED).members().stream())
                .filter(e -> e.cardNumber().startsWith(prefix + "-")).toList();
    }

    @Test
    void theExportReimportsAsANoOp() throws Exception {
        String file = String.join("\n",
                unit(p, "Đảng bộ xuất khẩu", "CITY_COMMITTEE", null, ""),
                unit(p + ".D1", "Huyện ủy Vĩnh Bảo", "DIRECT_COMMITTEE", p, ""),
                unit(p + ".D1.B1", "Chi bộ thôn Đông", "GRASSROOTS_BRANCH", p + ".D1", ",\"branchKind\":\"VILLAGE\""),
                member(p + "-0001", "Bùi Văn Khoa", p + ".D1.B1", "OFFICIAL", "1990-05-02", "1991-06-01"));
        assertThat(post(file, 1).path("rejected").size()).isZero();

        HttpResponse<String> export = export(token);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<String> ours = export.body().lines().filter(l -> l.contains(p)).toList();
        assertThat(ours).hasSize(4);

        JsonNode again = post(String.join("\n", ours), 1);
        assertThat(again.path("unchanged").asInt()).isEqualTo(4);
        assertThat(again.path("rejected").size()).isZero();
    }

    @Test
    void membersComeInCellsOfTheirBranchAndTheExportCarriesCellsAndDissolutions() throws Exception {
        String b1 = p + ".D1.B1";
        String file = String.join("\n",
                unit(p, "Đảng bộ tổ đảng", "CITY_COMMITTEE", null, ""),
                unit(p + ".D1", "Quận ủy Ngô Quyền", "DIRECT_COMMITTEE", p, ""),
                unit(b1, "Chi bộ phường Máy Chai", "GRASSROOTS_BRANCH", p + ".D1", ""),
                unit(p + ".D1.B2", "Chi bộ phường Cầu Đất", "GRASSROOTS_BRANCH", p + ".D1", ""),
                unit(b1 + ".T1", "Tổ đảng số 1", "CELL", b1, ""),
                unit(p + ".D1.B2.T1", "Tổ đảng Cầu Đất", "CELL", p + ".D1.B2", ""),
                unit(b1 + ".T7", "Tổ đảng số 7", "CELL", b1, ",\"dissolvedOn\":\"2026-10-01\""),     // 7: new and dissolved
                inCell(member(p + "-0001", "Nguyễn Văn An", b1, "OFFICIAL", "2001-05-02", "2002-06-01"), b1 + ".T1"),
                inCell(member(p + "-0002", "Trần Văn Bảo", b1, "OFFICIAL", "2001-05-02", "2002-06-01"), p + ".D1.B2.T1"), // 9
                inCell(member(p + "-0003", "Lê Văn Cần", b1, "OFFICIAL", "2001-05-02", "2002-06-01"), b1),                // 10
                inCell(member(p + "-0004", "Phạm Văn Đạt", b1, "OFFICIAL", "2001-05-02", "2002-06-01"), p + ".NOPE"),     // 11
                member(p + "-0005", "Vũ Văn Em", b1, "OFFICIAL", "2001-05-02", "2002-06-01"));

        JsonNode first = post(file, 1);
        assertThat(first.path("created").path("units").asInt()).isEqualTo(6);
        assertThat(first.path("created").path("members").asInt()).isEqualTo(2);
        assertThat(rejected(first)).containsExactly("7 dissolvedOn", "9 cellCode", "10 cellCode", "11 cellCode");
        JsonNode second = post(file, 1);
        assertThat(second.path("created").path("members").asInt()).isZero();
        assertThat(second.path("unchanged").asInt()).isEqualTo(8);
        assertThat(rejected(second)).isEqualTo(rejected(first));

        Http http = new Http(base, token);
        String t1 = idOf(http, b1 + ".T1");
        assertThat(http.get("/api/v1/members/" + RegisterImport.memberId(p + "-0001")).text("cellId")).isEqualTo(t1);
        // a dissolved cell takes no member; the register's dissolution date is the only one an import accepts
        assertThat(post(unit(b1 + ".T8", "Tổ đảng số 8", "CELL", b1, ""), 1).path("created").path("units").asInt()).isEqualTo(1);
        String t8 = idOf(http, b1 + ".T8");
        assertThat(http.post("/api/v1/organisations/" + t8 + "/dissolution", "{\"dissolvedOn\":\"2026-10-01\"}").status()).isEqualTo(200);
        JsonNode late = post(String.join("\n",
                inCell(member(p + "-0006", "Đỗ Văn Giang", b1, "OFFICIAL", "2001-05-02", "2002-06-01"), b1 + ".T8"),
                unit(b1 + ".T8", "Tổ đảng số 8", "CELL", b1, ""),
                unit(b1 + ".T1", "Tổ đảng số 1", "CELL", b1, ",\"dissolvedOn\":\"2026-10-01\"")), 1);
        assertThat(rejected(late)).containsExactly("1 cellCode", "2 dissolvedOn", "3 dissolvedOn");
        assertThat(rejected(post(unit(b1 + ".T8", "Tổ đảng số 8", "CELL", b1, ",\"dissolvedOn\":\"2026-10-02\""), 1)))
                .containsExactly("1 dissolvedOn");

        HttpResponse<String> export = export(token);
        List<String> ours = export.body().lines().filter(l -> l.contains(p)).toList();
        assertThat(ours).hasSize(9);
        assertThat(ours).filteredOn(l -> l.contains("\"cardNumber\":\"" + p + "-0001\"")).singleElement().asString()
                .contains("\"cellCode\":\"" + b1 + ".T1\"");
        assertThat(ours).filteredOn(l -> l.contains("\"code\":\"" + b1 + ".T8\"")).singleElement().asString()
                .contains("\"dissolvedOn\":\"2026-10-01\"");
        JsonNode again = post(String.join("\n", ours), 1);
        assertThat(again.path("unchanged").asInt()).isEqualTo(9);
        assertThat(again.path("rejected").size()).isZero();

        // the imported member's place in the cell went out once, with the admission
        assertThat(onboarded(p)).filteredOn(e -> e.cardNumber().equals(p + "-0001")).singleElement()
                .extracting(MembersOnboarded.Entry::cellId).isEqualTo(RegisterImport.unitId(b1 + ".T1"));
        List<String> types = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> RegisterImport.memberId(p + "-0001").equals(r.key()), Duration.ofSeconds(2)).stream()
                .map(r -> CloudEvents.get(r.headers(), CloudEventHeaders.TYPE)).toList();
        assertThat(types).doesNotContain("chibo.membership.member-admitted.v1", "chibo.membership.member-cell-assigned.v1");
    }

    @Test
    void anImportReachingOutsideTheAdminsCityIsRefusedWholeAndTheExportHoldsOnlyTheirOwn() throws Exception {
        String file = String.join("\n",
                unit(p, "Đảng bộ phạm vi", "CITY_COMMITTEE", null, ""),
                unit(p + ".D1", "Quận ủy Hồng Bàng", "DIRECT_COMMITTEE", p, ""),
                unit(p + ".D1.B1", "Chi bộ phường Minh Khai", "GRASSROOTS_BRANCH", p + ".D1", ""),
                member(p + "-0001", "Ngô Văn Phạm", p + ".D1.B1", "OFFICIAL", "2001-05-02", "2002-06-01"));
        assertThat(post(file, 1).path("rejected").size()).isZero();

        String q = "U" + UUID.randomUUID().toString().substring(0, 6);
        String other = TestTokens.issue("admin@" + q, RegisterImport.unitId(q), Role.CITY_ADMIN);
        // another city's admin registers their own root and, in the same file, a member on this city's branch
        HttpResponse<String> refused = send(String.join("\n", unit(q, "Đảng bộ khác", "CITY_COMMITTEE", null, ""),
                member(q + "-0001", "Kẻ Lạ", p + ".D1.B1", "OFFICIAL", "2001-05-02", "2002-06-01")), 1, other);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new Http(base, other).get("/api/v1/organisations?code=" + q).body().path("items").size())
                .as("nothing of the refused file was written, not even the lines inside the admin's own city").isZero();
        assertThat(send(file, 1, TestTokens.issue("staff@" + p, RegisterImport.unitId(p), Role.COMMITTEE_STAFF)).statusCode())
                .as("imports are the city admin's").isEqualTo(403);

        assertThat(export(other).body()).doesNotContain(p);
        assertThat(export(token).body().lines().filter(l -> l.contains(p))).hasSize(4);

        // every record the import created is in the audit log, each with its path
        JsonNode log = new Http(base, token).get("/api/v1/audit?actor=admin@" + p + "&size=500").body().path("items");
        assertThat(log).filteredOn(e -> e.path("action").asString().equals("import")).hasSize(4)
                .allSatisfy(e -> assertThat(e.path("path").asString()).contains("/" + RegisterImport.unitId(p) + "/"));
    }

    private String idOf(Http http, String code) {
        return http.get("/api/v1/organisations?code=" + code).body().path("items").get(0).path("id").asString();
    }

    private static String inCell(String memberRow, String cellCode) {
        return memberRow.replace("}", ",\"cellCode\":\"" + cellCode + "\"}");
    }

    @Test
    void tooManyLinesInOneRequestIsRefused() throws Exception {
        HttpResponse<String> r = send("{}\n".repeat(10_001), 1);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"body\"");
    }

    private static List<String> rejected(JsonNode report) {
        return report.path("rejected").valueStream().map(r -> r.path("line").asInt() + " " + r.path("field").asString()).toList();
    }

    private JsonNode post(String body, int firstLine) throws IOException, InterruptedException {
        HttpResponse<String> r = send(body, firstLine);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.body());
    }

    private HttpResponse<String> send(String body, int firstLine) throws IOException, InterruptedException {
        return send(body, firstLine, token);
    }

    private HttpResponse<String> send(String body, int firstLine, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports?firstLine=" + firstLine))
                .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> export(String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/exports"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String unit(String code, String name, String kind, String parent, String extra) {
        return "{\"record\":\"unit\",\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\""
                + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"") + extra + "}";
    }

    private static String member(String card, String name, String branch, String status, String admitted, String recognised) {
        return "{\"record\":\"member\",\"cardNumber\":\"" + card + "\",\"fullName\":\"" + name + "\",\"gender\":\"MALE\","
                + "\"birthDate\":\"1960-01-01\",\"branchCode\":\"" + branch + "\",\"status\":\"" + status + "\",\"admittedOn\":\""
                + admitted + "\"" + (recognised == null ? "" : ",\"recognisedOn\":\"" + recognised + "\"") + "}";
    }
}
