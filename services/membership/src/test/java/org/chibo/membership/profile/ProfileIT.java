package org.chibo.membership.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chibo.chassis.testing.Problems.assertProblem;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.chassis.security.Role;
import org.chibo.membership.TestCity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfileIT {

    /** A filled-in CV; the bad-input cases below each break one thing in it. */
    private static final String PROFILE = """
            {"identity": {"ethnicity": "Kinh", "religion": "Không", "hometown": "xã An Lư, huyện Thủy Nguyên, Hải Phòng",
                          "birthplace": "Hải Phòng", "permanentAddress": "số 5 Lạch Tray, Ngô Quyền, Hải Phòng",
                          "phone": "0912345678", "identityNumber": "031085001234"},
             "education": {"generalEducation": "12/12", "professionalQualification": "Cử nhân Kinh tế",
                           "academicDegree": "Thạc sĩ", "politicalTheory": "TRUNG_CAP", "foreignLanguages": ["Tiếng Anh B1"]},
             "workHistory": [{"from": "2008-09", "until": "2015-02", "position": "Chuyên viên", "organisation": "Sở Tài chính Hải Phòng"},
                             {"from": "2015-03", "position": "Phó trưởng phòng", "organisation": "Sở Tài chính Hải Phòng"}],
             "awards": [{"on": "2020-05-19", "title": "Bằng khen của Ủy ban nhân dân thành phố", "decisionRef": "1234/QĐ-UBND"}]}
            """;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "profile-it");
    }

    @Autowired Environment env;
    Http http;
    TestCity city;
    String branch;

    @BeforeEach
    void client() {
        city = TestCity.create("http://localhost:" + env.getProperty("local.server.port"));
        http = city.admin();
        branch = city.unit("{\"name\":\"Chi bộ Sở Tài chính\",\"kind\":\"GRASSROOTS_BRANCH\",\"parentId\":\"" + city.district() + "\"}");
    }

    @Test
    void aProfileIsReplacedWholeReadBackAndKeptInTheHistoryWithoutAnEvent() {
        String member = admit();
        Http.Response empty = http.get(profileOf(member));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().path("workHistory").isEmpty()).isTrue();
        assertThat(empty.body().path("identity").path("identityNumber").isNull()).isTrue();

        Http.Response put = http.put(profileOf(member), PROFILE);

        assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
        JsonNode read = http.get(profileOf(member)).body();
        assertThat(read).isEqualTo(put.body());
        assertThat(read.path("identity").path("identityNumber").asString()).isEqualTo("031085001234");
        assertThat(read.path("education").path("politicalTheory").asString()).isEqualTo("TRUNG_CAP");
        assertThat(read.path("workHistory").get(1).path("until").isNull()).isTrue();
        assertThat(read.path("awards").get(0).path("on").asString()).isEqualTo("2020-05-19");

        assertThat(http.put(profileOf(member), PROFILE).status()).isEqualTo(200);
        assertThat(http.put(profileOf(member), PROFILE.replace("2020-05-19", "2021-05-19")).status()).isEqualTo(200);
        JsonNode history = http.get("/api/v1/members/" + member + "/history").body();
        assertThat(history.findValuesAsString("change")).containsExactly("ADMITTED", "PROFILE_UPDATED", "PROFILE_UPDATED");
        assertThat(history.get(1).path("details").asString()).isEqualTo("changed: identity, education, workHistory, awards");
        assertThat(history.get(2).path("details").asString()).isEqualTo("changed: awards");
        assertThat(TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events", r -> member.equals(r.key()),
                Duration.ofSeconds(2)).stream().map(r -> CloudEvents.fromRecord(r).type().type()))
                .containsExactly("chibo.membership.member-admitted.v1");
    }

    @Test
    void eachReadOfTheProfileIsInTheRecordAccessLog() {
        String member = admit();
        http.put(profileOf(member), PROFILE);

        assertThat(city.as("bi-thu-chi-bo", branch, Role.BRANCH_SECRETARY).get(profileOf(member)).status()).isEqualTo(200);
        assertThat(city.asMember(member, branch).get(profileOf(member)).status()).as("a member reads their own").isEqualTo(200);

        JsonNode log = http.get("/api/v1/audit?memberId=" + member).body().path("items");
        assertThat(log).filteredOn(e -> e.path("action").asString().equals("read-profile"))
                .extracting(e -> e.path("who").asString()).containsExactlyInAnyOrder("bi-thu-chi-bo", "member@" + member);
        assertThat(log.findValuesAsString("action")).containsExactlyInAnyOrder("admit", "replace-profile", "read-profile", "read-profile");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndLeavesTheStoredProfileAsItWas() {
        String member = admit();
        http.put(profileOf(member), PROFILE);
        JsonNode stored = http.get(profileOf(member)).body();

        assertProblem(http.put(profileOf(member), PROFILE.replace("\"religion\"", "\"bloodType\": \"O\", \"religion\"")), 400,
                "identity.bloodType");
        assertProblem(http.put(profileOf(member), PROFILE.replace("031085001234", "03108500123")), 400, "identity.identityNumber");
        assertProblem(http.put(profileOf(member), PROFILE.replace("0912345678", "0912 345 678")), 400, "identity.phone");
        assertProblem(http.put(profileOf(member), PROFILE.replace("TRUNG_CAP", "TIEN_SI")), 400, "education.politicalTheory");
        assertProblem(http.put(profileOf(member), PROFILE.replace("Tiếng Anh B1", " ")), 400, "education.foreignLanguages[0]");
        assertProblem(http.put(profileOf(member), PROFILE.replace("Phó trưởng phòng", "")), 400, "workHistory[1].position");
        assertProblem(http.put(profileOf(member), PROFILE.replace("\"2015-02\"", "\"2015-2\"")), 400, "workHistory[0].until");
        assertProblem(http.put(profileOf(member), PROFILE.replace("\"2015-02\"", "\"2007-12\"")), 422, "workHistory[0].until");
        assertProblem(http.put(profileOf(member), PROFILE.replace("2015-03", "2999-03")), 422, "workHistory[1].from");
        assertProblem(http.put(profileOf(member), PROFILE.replace("2020-05-19", "2999-05-19")), 422, "awards[0].on");
        assertProblem(http.put(profileOf(member), PROFILE.replace("\"12/12\"", "\"12/10\"")), 422, "education.generalEducation");
        String period = "{\"from\": \"2010-01\", \"position\": \"Tổ viên\", \"organisation\": \"Tổ dân phố 5\"}";
        String tooMany = String.join(", ", Collections.nCopies(MemberProfile.MAX_ENTRIES + 1, period));
        assertProblem(http.put(profileOf(member), "{\"workHistory\": [" + tooMany + "]}"), 400, "workHistory");

        assertThat(http.get(profileOf(member)).body()).isEqualTo(stored);
        assertThat(http.get("/api/v1/members/" + member + "/history").body().findValuesAsString("change"))
                .containsExactly("ADMITTED", "PROFILE_UPDATED");
    }

    @Test
    void anUnknownMemberIsNotFoundAndAMemberWhoLeftKeepsAReadOnlyProfile() {
        String unknown = UUID.randomUUID().toString();
        assertThat(http.get(profileOf(unknown)).status()).isEqualTo(404);
        assertThat(http.put(profileOf(unknown), PROFILE).status()).isEqualTo(404);

        String member = admit();
        http.put(profileOf(member), PROFILE);
        http.post("/api/v1/members/" + member + "/departure", "{\"reason\":\"DECEASED\",\"on\":\"2026-01-10\"}");

        assertProblem(http.put(profileOf(member), "{}"), 409, "status");
        Http.Response read = http.get(profileOf(member));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("identity").path("ethnicity").asString()).isEqualTo("Kinh");
    }

    private String admit() {
        Http.Response r = http.post("/api/v1/members", Http.json(Map.of("branchId", branch, "fullName", "Trần Văn Bình",
                "cardNumber", "HP-" + UUID.randomUUID().toString().substring(0, 8), "status", "OFFICIAL", "admittedOn", "2015-03-02")));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.text("id");
    }

    private static String profileOf(String member) {
        return "/api/v1/members/" + member + "/profile";
    }
}
