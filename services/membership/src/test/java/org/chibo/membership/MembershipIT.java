package org.chibo.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import static org.chibo.chassis.testing.Problems.assertProblem;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberCellAssigned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MembershipIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "membership-it");
    }

    @Autowired Environment env;
    @Autowired org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired org.chibo.membership.organisation.Mergers mergers;
    Http http;
    TestCity city;

    @BeforeEach
    void client() {
        city = TestCity.create("http://localhost:" + env.getProperty("local.server.port"));
        http = city.admin();
    }

    @Test
    void admittingAMemberPublishesTheEventWithTheBranchPath() {
        String city = this.city.id();
        String district = create("{\"name\":\"Quận ủy Lê Chân\",\"kind\":\"DIRECT_COMMITTEE\",\"parentId\":\"" + city + "\"}");
        String grassroots = create("{\"name\":\"Đảng ủy phường An Biên\",\"kind\":\"GRASSROOTS_COMMITTEE\",\"parentId\":\"" + district + "\"}");
        String branch = create("{\"name\":\"Chi bộ Tổ dân phố số 5\",\"kind\":\"BRANCH\",\"parentId\":\"" + grassroots + "\"}");

        Http.Response admitted = http.post("/api/v1/members", admit(branch, "HP-" + shortId()));

        assertThat(admitted.status()).isEqualTo(201);
        String memberId = admitted.text("id");
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> memberId.equals(r.key()), Duration.ofSeconds(2));
        assertThat(records).hasSize(1);
        IncomingEvent event = CloudEvents.fromRecord(records.get(0));
        MemberAdmitted data = event.dataAs(EventCatalogue.MEMBER_ADMITTED);
        assertThat(data.organisationPath()).isEqualTo("/" + city + "/" + district + "/" + grassroots + "/" + branch + "/");
        assertThat(data.status()).isEqualTo("OFFICIAL");
        assertThat(event.source()).isEqualTo("/chibo/membership");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        String city = this.city.id();
        String branch = create("{\"name\":\"Chi bộ 1\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        String card = "HP-" + shortId();
        assertThat(http.post("/api/v1/members", admit(branch, card)).status()).isEqualTo(201);

        assertProblem(http.post("/api/v1/members", admit(city, "HP-" + shortId())), 422, "branchId");
        assertProblem(http.post("/api/v1/members", admit(branch, card)), 409, "cardNumber");
        assertProblem(http.post("/api/v1/members", admit(branch, "HP-" + shortId()).replace("{", "{\"isAdmin\":true,")), 400, "isAdmin");
        assertProblem(http.post("/api/v1/members", admit(branch, "HP-" + shortId()).replace("2015-03-02", "02/03/2015")), 400, "admittedOn");
        assertProblem(http.post("/api/v1/members", admit(branch, "HP-" + shortId()).replace("2015-03-02", "2999-01-01")), 422, "admittedOn");
        assertProblem(http.post("/api/v1/organisations", "{\"name\":\"\",\"kind\":\"BRANCH\"}"), 400, "name");
        assertProblem(http.post("/api/v1/organisations", "{\"name\":\"Đảng ủy xã\",\"kind\":\"GRASSROOTS_COMMITTEE\",\"parentId\":\"" + branch + "\"}"), 422, "parentId");
        assertThat(http.get("/api/v1/members/" + UUID.randomUUID()).status()).isEqualTo(404);
        // nothing trusts a header any more: without a token, a request is a 401 whatever it carries
        assertProblem(http.as(null).post("/api/v1/members", admit(branch, "HP-" + shortId())), 401);
        assertProblem(http.as(null).get("/api/v1/members/" + UUID.randomUUID(), "X-ChiBo-User", "admin"), 401);
    }


    @Test
    void recognitionAndExemptionAreCheckedPublishedAndKeptInTheHistory() {
        String branch = create("{\"name\":\"Chi bộ Trường THPT Ngô Quyền\",\"kind\":\"GRASSROOTS_BRANCH\",\"branchKind\":\"SCHOOL\"}");
        String memberId = http.post("/api/v1/members", Http.json(Map.of("branchId", branch, "fullName", "Mai Thị Lan",
                "cardNumber", "HP-" + shortId(), "status", "PROBATIONARY", "admittedOn", "2025-06-01"))).text("id");

        assertProblem(http.post("/api/v1/members/" + memberId + "/recognition", "{\"recognisedOn\":\"2026-05-01\"}"), 422, "recognisedOn");
        Http.Response recognised = http.post("/api/v1/members/" + memberId + "/recognition",
                "{\"recognisedOn\":\"2026-06-02\",\"decisionRef\":\"45-QĐ/ĐU\"}");
        assertThat(recognised.status()).as(recognised.body().toString()).isEqualTo(200);
        assertThat(recognised.text("status")).isEqualTo("OFFICIAL");
        assertProblem(http.post("/api/v1/members/" + memberId + "/recognition", "{\"recognisedOn\":\"2026-06-02\"}"), 409, "status");

        assertProblem(http.post("/api/v1/members/" + memberId + "/exemption", "{\"reason\":\"\",\"from\":\"2026-09-01\"}"), 400, "reason");
        assertProblem(http.post("/api/v1/members/" + memberId + "/exemption",
                "{\"reason\":\"sức khỏe yếu\",\"from\":\"2026-09-01\",\"until\":\"2026-08-01\"}"), 422, "until");
        Http.Response exempted = http.post("/api/v1/members/" + memberId + "/exemption",
                "{\"reason\":\"sức khỏe yếu\",\"from\":\"2026-09-01\",\"until\":\"2027-08-31\"}");
        assertThat(exempted.status()).as(exempted.body().toString()).isEqualTo(200);

        assertThat(http.get("/api/v1/members/" + memberId + "/history").body().findValuesAsString("change"))
                .containsExactly("ADMITTED", "RECOGNISED", "EXEMPTED");
        List<String> types = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> memberId.equals(r.key()), Duration.ofSeconds(2)).stream()
                .map(r -> CloudEvents.fromRecord(r).type().type()).toList();
        assertThat(types).containsExactly("chibo.membership.member-admitted.v1", "chibo.membership.member-recognised.v1",
                "chibo.membership.member-exempted.v1");
    }

    @Test
    void aTransferredMemberIsInTransitUntilTheNamedBranchReceivesThem() {
        String from = create("{\"name\":\"Chi bộ Tổ dân phố 7\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        String to = create("{\"name\":\"Chi bộ thôn Đoài\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        String other = create("{\"name\":\"Chi bộ thôn Đông\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        String city = this.city.id();
        String memberId = http.post("/api/v1/members", admit(from, "HP-" + shortId())).text("id");

        assertProblem(http.post("/api/v1/members/" + memberId + "/reception", "{\"branchId\":\"" + to + "\",\"receivedOn\":\"2026-11-02\"}"), 409, "status");
        assertProblem(http.post("/api/v1/members/" + memberId + "/transfer", "{\"kind\":\"OFFICIAL\",\"toBranchId\":\"" + city + "\",\"issuedOn\":\"2026-11-02\"}"), 422, "toBranchId");
        Http.Response out = http.post("/api/v1/members/" + memberId + "/transfer",
                "{\"kind\":\"OFFICIAL\",\"toBranchId\":\"" + to + "\",\"issuedOn\":\"2026-11-02\"}");
        assertThat(out.status()).as(out.body().toString()).isEqualTo(200);
        // 30 working days from Monday 2 November 2026
        assertThat(out.body().path("transfer").path("deadline").asString()).isEqualTo("2026-12-14");
        assertProblem(http.post("/api/v1/members/" + memberId + "/transfer", "{\"kind\":\"OFFICIAL\",\"issuedOn\":\"2026-11-03\"}"), 409, "status");
        assertProblem(http.post("/api/v1/members/" + memberId + "/exemption", "{\"reason\":\"ốm\",\"from\":\"2026-11-03\"}"), 409, "status");
        assertProblem(http.post("/api/v1/members/" + memberId + "/reception", "{\"branchId\":\"" + other + "\",\"receivedOn\":\"2026-11-09\"}"), 422, "branchId");
        assertProblem(http.post("/api/v1/members/" + memberId + "/reception", "{\"branchId\":\"" + to + "\",\"receivedOn\":\"2026-11-01\"}"), 422, "receivedOn");

        Http.Response received = http.post("/api/v1/members/" + memberId + "/reception", "{\"branchId\":\"" + to + "\",\"receivedOn\":\"2026-11-09\"}");

        assertThat(received.status()).as(received.body().toString()).isEqualTo(200);
        assertThat(received.text("branchId")).isEqualTo(to);
        assertThat(received.body().path("transfer").isNull()).isTrue();
        assertThat(http.get("/api/v1/members/" + memberId + "/history").body().findValuesAsString("change"))
                .containsExactly("ADMITTED", "TRANSFERRED_OUT", "RECEIVED");
    }

    @Test
    void disciplineIsRecordedAndExpulsionOrDeathTakesTheMemberOffTheRolls() {
        String branch = create("{\"name\":\"Chi bộ Công ty Cảng\",\"kind\":\"GRASSROOTS_BRANCH\",\"branchKind\":\"ENTERPRISE\"}");
        String warned = http.post("/api/v1/members", admit(branch, "HP-" + shortId())).text("id");
        String expelled = http.post("/api/v1/members", admit(branch, "HP-" + shortId())).text("id");
        String deceased = http.post("/api/v1/members", admit(branch, "HP-" + shortId())).text("id");

        assertProblem(http.post("/api/v1/members/" + warned + "/discipline",
                "{\"form\":\"WARNING\",\"decidedOn\":\"2010-01-01\",\"reason\":\"vi phạm\"}"), 422, "decidedOn");
        assertProblem(http.post("/api/v1/members/" + warned + "/discipline",
                "{\"form\":\"SCOLDING\",\"decidedOn\":\"2026-10-01\",\"reason\":\"vi phạm\"}"), 400, "form");
        Http.Response w = http.post("/api/v1/members/" + warned + "/discipline",
                "{\"form\":\"WARNING\",\"decidedOn\":\"2026-10-01\",\"decisionRef\":\"7-QĐ/UBKT\",\"reason\":\"vi phạm quy chế\"}");
        assertThat(w.status()).as(w.body().toString()).isEqualTo(200);
        assertThat(w.body().path("departure").isNull()).isTrue();

        Http.Response x = http.post("/api/v1/members/" + expelled + "/discipline",
                "{\"form\":\"EXPULSION\",\"decidedOn\":\"2026-10-01\",\"reason\":\"vi phạm nghiêm trọng\"}");
        assertThat(x.body().path("departure").path("reason").asString()).isEqualTo("EXPELLED");
        assertProblem(http.post("/api/v1/members/" + expelled + "/exemption", "{\"reason\":\"ốm\",\"from\":\"2026-10-02\"}"), 409, "status");
        assertProblem(http.post("/api/v1/members/" + deceased + "/departure", "{\"reason\":\"EXPELLED\",\"on\":\"2026-10-01\"}"), 422, "reason");
        assertThat(http.post("/api/v1/members/" + deceased + "/departure", "{\"reason\":\"DECEASED\",\"on\":\"2026-10-20\"}").status()).isEqualTo(200);
        assertProblem(http.post("/api/v1/members/" + deceased + "/departure", "{\"reason\":\"LEFT\",\"on\":\"2026-10-21\"}"), 409, "status");

        List<String> types = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> expelled.equals(r.key()), Duration.ofSeconds(2)).stream()
                .map(r -> CloudEvents.fromRecord(r).type().type()).toList();
        assertThat(types).containsExactly("chibo.membership.member-admitted.v1", "chibo.membership.member-disciplined.v1",
                "chibo.membership.member-left.v1");
    }

    @Test
    void membersAreFoundByBranchStatusAndNameAPageAtATimeAndEveryRecordReadIsLogged() {
        String branch = create("{\"name\":\"Chi bộ tìm kiếm\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        for (String name : List.of("Nguyễn Văn An", "Nguyễn Thị Bích", "Trần Văn Cao", "Lê Thị Dung", "Nguyễn Hữu Em")) {
            http.post("/api/v1/members", admit(branch, "HP-" + shortId()).replace("Nguyễn Văn An", name));
        }

        Http.Response first = http.get("/api/v1/members?branchId=" + branch + "&name=nguy%E1%BB%85n&size=2");
        assertThat(first.body().path("items").findValuesAsString("fullName")).containsExactly("Nguyễn Hữu Em", "Nguyễn Thị Bích");
        assertThat(first.body().path("hasMore").asBoolean()).isTrue();
        Http.Response second = http.get("/api/v1/members?branchId=" + branch + "&name=nguy%E1%BB%85n&size=2&page=1");
        assertThat(second.body().path("items").findValuesAsString("fullName")).containsExactly("Nguyễn Văn An");
        assertThat(second.body().path("hasMore").asBoolean()).isFalse();
        assertThat(first.body().path("items").get(0).has("birthDate")).isFalse();
        assertProblem(http.get("/api/v1/members?branchId=" + branch + "&size=1000"), 400, "size");

        String id = first.body().path("items").get(0).path("id").asString();
        http.get("/api/v1/members/" + id);
        http.get("/api/v1/members/" + id + "/history");
        Http.Response log = http.get("/api/v1/audit?memberId=" + id);
        assertThat(log.body().path("items").findValuesAsString("action")).containsExactlyInAnyOrder("read-history", "read-record", "admit");
        assertThat(log.body().path("items").findValuesAsString("who")).containsOnly("admin@" + city.id());
    }

    @Test
    void recognitionFallsDueOnceWhenTwelveMonthsAreUp() {
        String branch = create("{\"name\":\"Chi bộ dự bị\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        java.time.LocalDate today = java.time.LocalDate.now(org.chibo.chassis.time.BusinessDates.ZONE);
        String due = http.post("/api/v1/members", Http.json(Map.of("branchId", branch, "fullName", "Đinh Văn Đủ",
                "cardNumber", "HP-" + shortId(), "status", "PROBATIONARY", "admittedOn", today.minusMonths(13).toString()))).text("id");
        String notYet = http.post("/api/v1/members", Http.json(Map.of("branchId", branch, "fullName", "Đinh Văn Chưa",
                "cardNumber", "HP-" + shortId(), "status", "PROBATIONARY", "admittedOn", today.minusMonths(6).toString()))).text("id");

        http.post("/api/v1/admin/recognition-due/run", "");
        http.post("/api/v1/admin/recognition-due/run", "");

        List<String> dueEvents = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> (due.equals(r.key()) || notYet.equals(r.key())), Duration.ofSeconds(2)).stream()
                .map(CloudEvents::fromRecord).filter(e -> e.type().type().equals("chibo.membership.recognition-due.v1"))
                .map(e -> e.key()).toList();
        assertThat(dueEvents).containsExactly(due);
    }

    @Test
    void aUnitMovesWithItsSubtreeIsRenamedAndAnEmptyOneDissolved() {
        String city = this.city.id();
        String districtA = create("{\"name\":\"Quận ủy A\",\"kind\":\"DIRECT_COMMITTEE\",\"parentId\":\"" + city + "\"}");
        String districtB = create("{\"name\":\"Quận ủy B\",\"kind\":\"DIRECT_COMMITTEE\",\"parentId\":\"" + city + "\"}");
        String ward = create("{\"name\":\"Đảng ủy phường\",\"kind\":\"GRASSROOTS_COMMITTEE\",\"parentId\":\"" + districtA + "\"}");
        String branch = create("{\"name\":\"Chi bộ khu 1\",\"kind\":\"BRANCH\",\"parentId\":\"" + ward + "\"}");
        String member = http.post("/api/v1/members", admit(branch, "HP-" + shortId())).text("id");

        assertProblem(http.post("/api/v1/organisations/" + districtA + "/move", "{\"parentId\":\"" + branch + "\"}"), 422, "parentId");
        assertProblem(http.post("/api/v1/organisations/" + ward + "/move", "{\"parentId\":\"" + city + "\"}"), 422, "parentId");
        Http.Response moved = http.post("/api/v1/organisations/" + ward + "/move", "{\"parentId\":\"" + districtB + "\"}");

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        String newPrefix = "/" + city + "/" + districtB + "/" + ward + "/";
        assertThat(moved.text("path")).isEqualTo(newPrefix);
        assertThat(http.get("/api/v1/organisations/" + branch).text("path")).isEqualTo(newPrefix + branch + "/");
        assertThat(http.get("/api/v1/members/" + member).text("organisationPath")).isEqualTo(newPrefix + branch + "/");
        assertThat(http.get("/api/v1/organisations/" + districtB + "/counts").body().path("members").path("total").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/organisations/" + districtA + "/counts").body().path("members").path("total").asInt()).isZero();

        assertThat(http.post("/api/v1/organisations/" + ward + "/rename", "{\"name\":\"Đảng ủy phường mới\"}").text("name"))
                .isEqualTo("Đảng ủy phường mới");
        assertProblem(http.post("/api/v1/organisations/" + districtB + "/dissolution", "{\"dissolvedOn\":\"2026-10-01\"}"), 409, "id");
        Http.Response dissolved = http.post("/api/v1/organisations/" + districtA + "/dissolution", "{\"dissolvedOn\":\"2026-10-01\",\"decisionRef\":\"9-QĐ/TU\"}");
        assertThat(dissolved.text("dissolvedOn")).isEqualTo("2026-10-01");
        assertThat(http.get("/api/v1/organisations/" + city + "/counts").body().path("unitsByKind").path("DIRECT_COMMITTEE").asInt())
                .as("a dissolved unit is not counted").isEqualTo(1);
        assertProblem(http.post("/api/v1/organisations", "{\"name\":\"Đảng ủy xã\",\"kind\":\"GRASSROOTS_COMMITTEE\",\"parentId\":\"" + districtA + "\"}"), 422, "parentId");

        List<String> types = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> ward.equals(r.key()) || districtA.equals(r.key()), Duration.ofSeconds(2)).stream()
                .map(r -> CloudEvents.fromRecord(r).type().type()).toList();
        assertThat(types).containsExactlyInAnyOrder("chibo.membership.organisation-registered.v1", "chibo.membership.organisation-registered.v1",
                "chibo.membership.organisation-moved.v1", "chibo.membership.organisation-renamed.v1", "chibo.membership.organisation-dissolved.v1");
    }

    @Test
    void aBranchCommitteeIsMadeOfItsOfficialMembersAndOnlineMeetingsNeedAReason() {
        String branch = create("{\"name\":\"Chi bộ tàu biển\",\"kind\":\"GRASSROOTS_BRANCH\",\"branchKind\":\"ENTERPRISE\"}");
        String secretary = http.post("/api/v1/members", admit(branch, "HP-" + shortId())).text("id");
        String deputy = http.post("/api/v1/members", admit(branch, "HP-" + shortId())).text("id");
        String probationary = http.post("/api/v1/members", Http.json(Map.of("branchId", branch, "fullName", "Lý Văn Mới",
                "cardNumber", "HP-" + shortId(), "status", "PROBATIONARY", "admittedOn", "2026-06-01"))).text("id");

        assertProblem(http.put("/api/v1/organisations/" + branch + "/committee", "{\"secretaryId\":\"" + secretary
                + "\",\"deputyIds\":[\"" + probationary + "\"],\"memberIds\":[]}"), 422, "deputyIds");
        assertProblem(http.put("/api/v1/organisations/" + branch + "/committee", "{\"secretaryId\":\"" + secretary
                + "\",\"deputyIds\":[],\"memberIds\":[\"stranger\"]}"), 422, "memberIds");
        assertProblem(http.put("/api/v1/organisations/" + branch + "/committee", "{\"secretaryId\":\"" + secretary
                + "\",\"deputyIds\":[\"" + secretary + "\"],\"memberIds\":[]}"), 422, "memberIds");
        Http.Response set = http.put("/api/v1/organisations/" + branch + "/committee", "{\"secretaryId\":\"" + secretary
                + "\",\"deputyIds\":[\"" + deputy + "\"],\"memberIds\":[]}");
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(set.body().path("committee").path("secretaryId").asString()).isEqualTo(secretary);

        // the secretary leaves the rolls: the seat empties by itself, announced like any committee change
        http.post("/api/v1/members/" + secretary + "/departure", "{\"reason\":\"DECEASED\",\"on\":\"2026-11-02\"}");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/api/v1/organisations/" + branch).body().path("committee").path("secretaryId").isNull());
        assertThat(http.get("/api/v1/organisations/" + branch).body().path("committee").path("deputyIds").get(0).asString()).isEqualTo(deputy);
        List<String> committeeEvents = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> branch.equals(r.key()), Duration.ofSeconds(2)).stream().map(CloudEvents::fromRecord)
                .filter(e -> e.type().type().equals("chibo.membership.branch-committee-set.v1")).map(IncomingEvent::id).toList();
        assertThat(committeeEvents).hasSize(2);

        assertProblem(http.put("/api/v1/organisations/" + branch + "/online-eligibility", "{\"eligible\":true,\"from\":\"2026-01-01\"}"), 422, "reason");
        Http.Response online = http.put("/api/v1/organisations/" + branch + "/online-eligibility",
                "{\"eligible\":true,\"decisionRef\":\"3-QĐ/ĐU\",\"reason\":\"thuyền viên đi biển\",\"from\":\"2026-01-01\"}");
        assertThat(online.body().path("onlineEligibility").path("eligible").asBoolean()).isTrue();
    }

    @Test
    void aBranchRosterAsOfADayShowsWhoWasOnItsRollsThatDay() {
        String ward = wardOfLeChan("Đảng ủy phường Cát Dài");
        String a = create("{\"name\":\"Chi bộ tổ dân phố 1\",\"kind\":\"BRANCH\",\"parentId\":\"" + ward + "\"}");
        String b = create("{\"name\":\"Chi bộ tổ dân phố 2\",\"kind\":\"BRANCH\",\"parentId\":\"" + ward + "\"}");
        String moving = http.post("/api/v1/members", Http.json(Map.of("branchId", a, "fullName", "Bùi Văn Chuyển",
                "cardNumber", "HP-" + shortId(), "status", "OFFICIAL", "admittedOn", "2010-05-19"))).text("id");
        String staying = http.post("/api/v1/members", Http.json(Map.of("branchId", a, "fullName", "Cao Thị Ở",
                "cardNumber", "HP-" + shortId(), "status", "PROBATIONARY", "admittedOn", "2026-01-05"))).text("id");
        String leaving = http.post("/api/v1/members", Http.json(Map.of("branchId", a, "fullName", "Đào Văn Đi",
                "cardNumber", "HP-" + shortId(), "status", "OFFICIAL", "admittedOn", "2001-09-02"))).text("id");
        http.post("/api/v1/members/" + moving + "/transfer", "{\"kind\":\"OFFICIAL\",\"toBranchId\":\"" + b + "\",\"issuedOn\":\"2026-03-02\"}");
        http.post("/api/v1/members/" + moving + "/reception", "{\"branchId\":\"" + b + "\",\"receivedOn\":\"2026-03-10\"}");
        http.post("/api/v1/members/" + leaving + "/departure", "{\"reason\":\"DECEASED\",\"on\":\"2026-06-01\"}");

        assertThat(rosterIds(a, "2026-02-01")).containsExactly(moving, staying, leaving); // by name
        assertThat(rosterIds(a, "2026-03-05")).containsExactly(staying, leaving);
        assertThat(rosterIds(b, "2026-03-05")).isEmpty();
        assertThat(rosterIds(b, "2026-03-10")).containsExactly(moving);
        assertThat(rosterIds(a, "2025-12-31")).containsExactly(moving, leaving);
        assertThat(rosterIds(a, null)).containsExactly(staying);
        Http.Response past = http.get("/api/v1/organisations/" + a + "/roster?asOf=2026-02-01");
        assertThat(past.body().path("members").get(1).path("status").asString()).isEqualTo("PROBATIONARY");
        assertThat(past.body().path("count").asInt()).isEqualTo(3);

        assertProblem(http.get("/api/v1/organisations/" + a + "/roster?asOf=2999-01-01"), 422, "asOf");
        assertProblem(http.get("/api/v1/organisations/" + ward + "/roster"), 422, "id");
        assertProblem(http.get("/api/v1/organisations/" + a + "/roster?asOf=yesterday"), 400, "asOf");
        assertThat(http.get("/api/v1/organisations/no-such-unit/roster").status()).isEqualTo(404);
    }

    @Test
    void aBranchMergedIntoAnotherHandsOverItsCellsAndMembersAndIsDissolved() {
        String ward = wardOfLeChan("Đảng ủy phường An Biên");
        String a = create("{\"name\":\"Chi bộ tổ dân phố 7\",\"kind\":\"BRANCH\",\"parentId\":\"" + ward + "\"}");
        String b = create("{\"name\":\"Chi bộ tổ dân phố 8\",\"kind\":\"BRANCH\",\"parentId\":\"" + ward + "\"}");
        String cell = create("{\"name\":\"Tổ đảng số 1\",\"kind\":\"CELL\",\"parentId\":\"" + a + "\"}");
        String exempt = http.post("/api/v1/members", Http.json(Map.of("branchId", a, "fullName", "An Văn Miễn",
                "cardNumber", "HP-" + shortId(), "status", "OFFICIAL", "admittedOn", "1975-04-30"))).text("id");
        http.post("/api/v1/members/" + exempt + "/exemption", "{\"reason\":\"tuổi cao, sức yếu\",\"from\":\"2026-01-01\"}");
        String other = http.post("/api/v1/members", Http.json(Map.of("branchId", a, "fullName", "Bạch Thị Hai",
                "cardNumber", "HP-" + shortId(), "status", "OFFICIAL", "admittedOn", "2012-02-03"))).text("id");
        String host = http.post("/api/v1/members", Http.json(Map.of("branchId", b, "fullName", "Chu Văn Chủ",
                "cardNumber", "HP-" + shortId(), "status", "OFFICIAL", "admittedOn", "2008-08-08"))).text("id");

        assertProblem(http.post("/api/v1/organisations/" + a + "/merger", "{\"intoId\":\"" + a + "\",\"mergedOn\":\"2026-07-01\"}"), 422, "intoId");
        assertProblem(http.post("/api/v1/organisations/" + a + "/merger", "{\"intoId\":\"" + ward + "\",\"mergedOn\":\"2026-07-01\"}"), 422, "intoId");
        assertProblem(http.post("/api/v1/organisations/" + a + "/merger", "{\"intoId\":\"nowhere\",\"mergedOn\":\"2026-07-01\"}"), 422, "intoId");
        assertProblem(http.post("/api/v1/organisations/" + a + "/merger", "{\"intoId\":\"" + b + "\",\"mergedOn\":\"2999-07-01\"}"), 422, "mergedOn");
        assertProblem(http.post("/api/v1/organisations/" + a + "/merger", "{\"intoId\":\"" + b + "\"}"), 400, "mergedOn");
        assertThat(http.get("/api/v1/organisations/" + a).body().path("dissolvedOn").isNull()).as("nothing written by a refusal").isTrue();
        assertThat(http.post("/api/v1/organisations/nowhere/merger", "{\"intoId\":\"" + b + "\",\"mergedOn\":\"2026-07-01\"}").status()).isEqualTo(404);

        putCell(other, cell);
        Http.Response merged = http.post("/api/v1/organisations/" + a + "/merger",
                "{\"intoId\":\"" + b + "\",\"mergedOn\":\"2026-07-01\",\"decisionRef\":\"125-QĐ/QU\"}");

        assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
        assertThat(merged.text("dissolvedOn")).isEqualTo("2026-07-01");
        assertThat(merged.text("mergedInto")).isEqualTo(b);
        String bPath = http.get("/api/v1/organisations/" + b).text("path");
        assertThat(http.get("/api/v1/organisations/" + cell).text("path")).isEqualTo(bPath + cell + "/");
        Http.Response moved = http.get("/api/v1/members/" + exempt);
        assertThat(moved.text("branchId")).isEqualTo(b);
        assertThat(moved.text("organisationPath")).isEqualTo(bPath);
        assertThat(moved.body().path("exemption").path("from").asString()).as("the exemption goes with the member").isEqualTo("2026-01-01");
        assertThat(http.get("/api/v1/members/" + other).text("cellId")).as("the party cell goes with its members").isEqualTo(cell);
        assertThat(rosterIds(a, "2026-06-30")).containsExactly(exempt, other);
        assertThat(rosterIds(b, "2026-06-30")).containsExactly(host);
        assertThat(rosterIds(b, "2026-07-01")).containsExactly(exempt, other, host);
        assertThat(http.get("/api/v1/organisations/" + ward + "/counts").body().path("unitsByKind").path("BRANCH").asInt()).isEqualTo(1);
        assertProblem(http.post("/api/v1/members", admit(a, "HP-" + shortId())), 422, "branchId");
        assertProblem(http.post("/api/v1/organisations/" + a + "/merger", "{\"intoId\":\"" + b + "\",\"mergedOn\":\"2026-07-01\"}"), 409, "id");

        List<String> unitEvents = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events", r -> a.equals(r.key()), Duration.ofSeconds(2))
                .stream().map(r -> CloudEvents.fromRecord(r).type().type()).toList();
        assertThat(unitEvents).containsExactly("chibo.membership.organisation-registered.v1", "chibo.membership.organisation-merged.v1",
                "chibo.membership.organisation-dissolved.v1");
        List<String> memberEvents = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events", r -> exempt.equals(r.key()), Duration.ofSeconds(2))
                .stream().map(r -> CloudEvents.fromRecord(r).type().type()).toList();
        assertThat(memberEvents).containsExactly("chibo.membership.member-admitted.v1", "chibo.membership.member-exempted.v1",
                "chibo.membership.member-reassigned.v1");
    }

    @Test
    void aMergerCutShortByACrashIsFinishedLater() {
        String ward = create("{\"name\":\"Chi bộ cơ sở nhà máy\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        String into = create("{\"name\":\"Chi bộ cơ sở nhà máy mới\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        String member = http.post("/api/v1/members", admit(ward, "HP-" + shortId())).text("id");
        // what the merger command's first write leaves, had the process died right after it
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(ward)),
                new org.springframework.data.mongodb.core.query.Update().set("merging",
                        new org.bson.Document("intoId", into).append("mergedOn", java.time.LocalDate.of(2026, 9, 1))),
                "organisations");
        assertProblem(http.post("/api/v1/members", admit(ward, "HP-" + shortId())), 422, "branchId");

        mergers.finishLeftovers();
        mergers.finishLeftovers();

        assertThat(http.get("/api/v1/members/" + member).text("branchId")).isEqualTo(into);
        assertThat(http.get("/api/v1/organisations/" + ward).text("dissolvedOn")).isEqualTo("2026-09-01");
        assertThat(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events", r -> member.equals(r.key()), Duration.ofSeconds(2))
                .stream().filter(r -> CloudEvents.fromRecord(r).type().type().equals("chibo.membership.member-reassigned.v1"))).hasSize(1);
    }

    private List<String> rosterIds(String branch, String asOf) {
        Http.Response r = http.get("/api/v1/organisations/" + branch + "/roster" + (asOf == null ? "" : "?asOf=" + asOf));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        r.body().path("members").forEach(m -> ids.add(m.path("memberId").asString()));
        return ids;
    }

    /** A grassroots committee of a ward, under a district of the test's city. */
    private String wardOfLeChan(String name) {
        String district = create("{\"name\":\"Quận ủy Lê Chân\",\"kind\":\"DIRECT_COMMITTEE\",\"parentId\":\"" + city.id() + "\"}");
        return create("{\"name\":\"" + name + "\",\"kind\":\"GRASSROOTS_COMMITTEE\",\"parentId\":\"" + district + "\"}");
    }

    @Test
    void aMemberIsPutInAPartyCellOfTheirOwnBranchAndLeavesItWithTheBranch() {
        String branch = create("{\"name\":\"Chi bộ Phường lớn\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        String other = create("{\"name\":\"Chi bộ Phường bên\",\"kind\":\"GRASSROOTS_BRANCH\"}");
        String cell1 = create(cell("Tổ đảng số 1", branch));
        String cell2 = create(cell("Tổ đảng số 2", branch));
        String dissolvedCell = create(cell("Tổ đảng số 3", branch));
        String otherCell = create(cell("Tổ đảng bên", other));
        assertThat(http.post("/api/v1/organisations/" + dissolvedCell + "/dissolution", "{\"dissolvedOn\":\"2026-10-01\"}").status()).isEqualTo(200);
        String member = http.post("/api/v1/members", admit(branch, "HP-" + shortId())).text("id");
        String inTransit = http.post("/api/v1/members", admit(branch, "HP-" + shortId())).text("id");
        http.post("/api/v1/members/" + inTransit + "/transfer", "{\"kind\":\"OFFICIAL\",\"toBranchId\":\"" + other + "\",\"issuedOn\":\"2026-11-02\"}");
        String departed = http.post("/api/v1/members", admit(branch, "HP-" + shortId())).text("id");
        http.post("/api/v1/members/" + departed + "/departure", "{\"reason\":\"DECEASED\",\"on\":\"2026-10-20\"}");

        assertThat(putCell(member, cell1).text("cellId")).isEqualTo(cell1);
        assertThat(putCell(member, cell1).text("cellId")).as("the same cell again changes nothing").isEqualTo(cell1);
        assertThat(putCell(member, cell2).text("cellId")).isEqualTo(cell2);

        assertProblem(http.put("/api/v1/members/" + member + "/cell", cellBody(otherCell)), 422, "cellId");
        assertProblem(http.put("/api/v1/members/" + member + "/cell", cellBody(branch)), 422, "cellId");
        assertProblem(http.put("/api/v1/members/" + member + "/cell", cellBody(dissolvedCell)), 422, "cellId");
        assertProblem(http.put("/api/v1/members/" + member + "/cell", cellBody("no-such-unit")), 422, "cellId");
        assertProblem(http.put("/api/v1/members/" + inTransit + "/cell", cellBody(cell1)), 409, "status");
        assertProblem(http.put("/api/v1/members/" + departed + "/cell", cellBody(cell1)), 409, "status");
        assertProblem(http.put("/api/v1/members/" + member + "/cell", "{\"cellId\":\"" + "x".repeat(65) + "\"}"), 400, "cellId");
        assertThat(http.get("/api/v1/members/" + member).text("cellId")).isEqualTo(cell2);
        assertThat(http.get("/api/v1/members/" + inTransit).body().path("cellId").isNull()).isTrue();

        // a cell with members is neither dissolved nor moved to another branch
        assertProblem(http.post("/api/v1/organisations/" + cell2 + "/dissolution", "{\"dissolvedOn\":\"2026-11-01\"}"), 409, "id");
        assertProblem(http.post("/api/v1/organisations/" + cell2 + "/move", "{\"parentId\":\"" + other + "\"}"), 409, "id");
        assertThat(putCell(member, null).body().path("cellId").isNull()).isTrue();
        assertThat(http.post("/api/v1/organisations/" + cell2 + "/dissolution", "{\"dissolvedOn\":\"2026-11-01\"}").status()).isEqualTo(200);

        // the cell stays behind when the member is received onto another branch
        putCell(member, cell1);
        http.post("/api/v1/members/" + member + "/transfer", "{\"kind\":\"OFFICIAL\",\"toBranchId\":\"" + other + "\",\"issuedOn\":\"2026-11-02\"}");
        Http.Response received = http.post("/api/v1/members/" + member + "/reception", "{\"branchId\":\"" + other + "\",\"receivedOn\":\"2026-11-09\"}");
        assertThat(received.status()).as(received.body().toString()).isEqualTo(200);
        assertThat(received.body().path("cellId").isNull()).isTrue();

        assertThat(http.get("/api/v1/members/" + member + "/history").body().findValuesAsString("change")).containsExactly(
                "ADMITTED", "CELL_ASSIGNED", "CELL_ASSIGNED", "CELL_ASSIGNED", "CELL_ASSIGNED", "TRANSFERRED_OUT", "RECEIVED");
        List<IncomingEvent> events = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> member.equals(r.key()), Duration.ofSeconds(2)).stream().map(CloudEvents::fromRecord).toList();
        List<String> cells = events.stream().filter(e -> e.is(EventCatalogue.MEMBER_CELL_ASSIGNED))
                .map(e -> String.valueOf(e.dataAs(EventCatalogue.MEMBER_CELL_ASSIGNED).cellId())).toList();
        assertThat(cells).as("one event per change, none for the no-op or a refusal").containsExactly(cell1, cell2, "null", cell1);
        MemberCellAssigned first = events.stream().filter(e -> e.is(EventCatalogue.MEMBER_CELL_ASSIGNED)).findFirst()
                .orElseThrow().dataAs(EventCatalogue.MEMBER_CELL_ASSIGNED);
        assertThat(first.branchId()).isEqualTo(branch);
        assertThat(first.on()).isEqualTo(java.time.LocalDate.now(org.chibo.chassis.time.BusinessDates.ZONE));
        assertThat(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> inTransit.equals(r.key()) || departed.equals(r.key()), Duration.ofSeconds(1)).stream()
                .map(r -> CloudEvents.fromRecord(r).type().type())).doesNotContain("chibo.membership.member-cell-assigned.v1");
    }

    private Http.Response putCell(String memberId, String cellId) {
        Http.Response r = http.put("/api/v1/members/" + memberId + "/cell", cellBody(cellId));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r;
    }

    private static String cellBody(String cellId) {
        return cellId == null ? "{\"cellId\":null}" : "{\"cellId\":\"" + cellId + "\"}";
    }

    private static String cell(String name, String branchId) {
        return "{\"name\":\"" + name + "\",\"kind\":\"CELL\",\"parentId\":\"" + branchId + "\"}";
    }

    /** Registers a unit in the test's city; one given no parent (a stand-alone branch) goes under its district. */
    private String create(String json) {
        if (!json.contains("parentId")) {
            json = json.replaceFirst("\\}$", ",\"parentId\":\"" + city.district() + "\"}");
        }
        Http.Response r = http.post("/api/v1/organisations", json);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.text("id");
    }

    private static String admit(String branchId, String card) {
        return Http.json(Map.of("branchId", branchId, "fullName", "Nguyễn Văn An", "cardNumber", card,
                "status", "OFFICIAL", "admittedOn", "2015-03-02"));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
