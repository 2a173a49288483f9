package org.chibo.membership.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chibo.chassis.testing.Problems.assertProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chibo.chassis.events.CloudEvents;
import org.chibo.chassis.testing.EmbeddedInfra;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TopicReader;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.DuesPaid;
import org.chibo.chassis.security.Role;
import org.chibo.membership.TestCity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DuesIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra.register(registry, "dues-it");
    }

    @Autowired Environment env;

    @Test
    void paymentsArePublishedAndUnpaidMonthsShowAsArrears() {
        TestCity city = TestCity.create("http://localhost:" + env.getProperty("local.server.port"));
        Http http = city.admin();
        String branch = city.unit("{\"name\":\"Chi bộ đảng phí\",\"kind\":\"GRASSROOTS_BRANCH\",\"parentId\":\"" + city.district() + "\"}");
        // the branch secretary (bí thư chi bộ) collects the dues; the city admin sets what they are computed from
        Http secretary = city.as("bi-thu@" + branch, branch, Role.BRANCH_SECRETARY);
        String payer = admit(http, branch, "Phạm Thị Thu");
        String debtor = admit(http, branch, "Vũ Văn Nợ");
        YearMonth now = YearMonth.now(BusinessDates.ZONE);
        LocalDate today = LocalDate.now(BusinessDates.ZONE);
        String thisMonth = now.toString();

        assertProblem(http.put("/api/v1/members/" + payer + "/dues-basis", "{\"category\":\"SALARIED\",\"from\":\"" + thisMonth + "\"}"), 422, "monthlyIncome");
        assertProblem(http.put("/api/v1/members/" + payer + "/dues-basis", "{\"category\":\"LOTTERY\",\"from\":\"" + thisMonth + "\"}"), 422, "category");
        assertProblem(http.put("/api/v1/members/" + payer + "/dues-basis", "{\"category\":\"NO_SALARY\",\"from\":\"2026-13\"}"), 400, "from");
        assertProblem(http.post("/api/v1/members/" + payer + "/dues-payments",
                "{\"month\":\"" + thisMonth + "\",\"amount\":5000,\"paidOn\":\"" + today + "\"}"), 422, "month");
        for (String m : List.of(payer, debtor)) {
            assertThat(http.put("/api/v1/members/" + m + "/dues-basis",
                    "{\"category\":\"SALARIED\",\"monthlyIncome\":9000000,\"from\":\"" + thisMonth + "\"}").status()).isEqualTo(200);
        }
        assertProblem(http.post("/api/v1/members/" + payer + "/dues-payments",
                "{\"month\":\"" + thisMonth + "\",\"amount\":0,\"paidOn\":\"" + today + "\"}"), 400, "amount");

        Http.Response paid = secretary.post("/api/v1/members/" + payer + "/dues-payments",
                "{\"month\":\"" + thisMonth + "\",\"amount\":90000,\"paidOn\":\"" + today + "\"}");

        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        Http.Response arrears = http.get("/api/v1/dues/arrears?branchId=" + branch + "&year=" + now.getYear());
        assertThat(arrears.body().path("items").findValuesAsString("memberId")).containsExactly(debtor);
        assertThat(arrears.body().path("items").get(0).path("outstanding").asLong()).isEqualTo(90_000);
        Http.Response statement = city.asMember(payer, branch).get("/api/v1/members/" + payer + "/dues?year=" + now.getYear());
        assertThat(statement.status()).as("a member reads their own dues").isEqualTo(200);
        assertProblem(city.asMember(payer, branch).get("/api/v1/members/" + debtor + "/dues?year=" + now.getYear()), 403);
        assertThat(statement.body().path("months").findValues("outstanding")).allMatch(n -> n.asLong() == 0);
        assertThat(statement.body().path("outstanding").asLong()).isZero();
        http.post("/api/v1/members/" + debtor + "/departure", "{\"reason\":\"DECEASED\",\"on\":\"" + today + "\"}");
        assertProblem(http.post("/api/v1/members/" + debtor + "/dues-payments",
                "{\"month\":\"" + thisMonth + "\",\"amount\":90000,\"paidOn\":\"" + today + "\"}"), 409, "status");
        List<DuesPaid> events = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events", r -> payer.equals(r.key()),
                Duration.ofSeconds(2)).stream().map(CloudEvents::fromRecord).filter(e -> e.is(EventCatalogue.DUES_PAID))
                .map(e -> e.dataAs(EventCatalogue.DUES_PAID)).toList();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(90_000);
            assertThat(e.monthDue()).isEqualTo(90_000);
            assertThat(e.month()).isEqualTo(thisMonth);
        });
    }

    @Test
    void aBranchsCollectionSheetIsRecordedRowByRowAndSendingItAgainRecordsNothingTwice() {
        TestCity city = TestCity.create("http://localhost:" + env.getProperty("local.server.port"));
        Http http = city.admin();
        String branch = city.unit("{\"name\":\"Chi bộ sổ thu\",\"kind\":\"GRASSROOTS_BRANCH\",\"parentId\":\"" + city.district() + "\"}");
        String other = city.unit("{\"name\":\"Chi bộ khác\",\"kind\":\"GRASSROOTS_BRANCH\",\"parentId\":\"" + city.district() + "\"}");
        Http secretary = city.as("thu-quy@" + branch, branch, Role.BRANCH_SECRETARY);
        String salaried = admit(http, branch, "Nguyễn Văn Lương");
        String pensioner = admit(http, branch, "Trần Thị Hưu");
        String withBasis = admit(http, branch, "Lê Văn Cũ");
        String another = admit(http, branch, "Phan Văn Khác");
        String elsewhere = admit(http, other, "Đỗ Văn Ngoài");
        for (String m : List.of(withBasis, another)) {
            http.put("/api/v1/members/" + m + "/dues-basis", "{\"category\":\"NO_SALARY\",\"from\":\"2025-01\"}");
        }
        String month = "2025-03";
        String sheet = "{\"month\":\"" + month + "\",\"rows\":["
                + "{\"memberId\":\"" + salaried + "\",\"category\":\"SALARIED\",\"monthlyIncome\":8000000,\"amount\":80000,\"paidOn\":\"2025-03-10\"},"
                + "{\"memberId\":\"" + pensioner + "\",\"category\":\"PENSIONER\",\"monthlyIncome\":6000000,\"amount\":30000,\"paidOn\":\"2025-03-10\"},"
                + "{\"memberId\":\"" + withBasis + "\",\"amount\":5000,\"paidOn\":\"2025-03-11\"},"
                + "{\"memberId\":\"" + elsewhere + "\",\"category\":\"NO_SALARY\",\"amount\":5000,\"paidOn\":\"2025-03-11\"},"
                + "{\"memberId\":\"" + salaried + "\",\"category\":\"SALARIED\",\"monthlyIncome\":8000000,\"amount\":80000,\"paidOn\":\"2025-03-10\"},"
                + "{\"memberId\":\"" + another + "\",\"category\":\"SALARIED\",\"monthlyIncome\":1000000,\"amount\":10000,\"paidOn\":\"2025-03-11\"},"
                + "{\"memberId\":\"no-such-member\",\"category\":\"NO_SALARY\",\"amount\":5000,\"paidOn\":\"2025-03-11\"},"
                + "{\"memberId\":\"" + pensioner + "\",\"amount\":0,\"paidOn\":\"2025-03-11\"}]}";

        Http.Response first = secretary.post("/api/v1/organisations/" + branch + "/dues-sheets", sheet);

        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("rows").asInt()).isEqualTo(8);
        assertThat(first.body().path("recorded").asInt()).isEqualTo(3);
        assertThat(first.body().path("unchanged").asInt()).isZero();
        assertThat(first.body().path("rejected").findValues("row")).extracting(n -> n.asInt()).containsExactly(4, 5, 6, 7, 8);
        assertThat(first.body().path("rejected").findValuesAsString("field"))
                .containsExactly("memberId", "memberId", "category", "memberId", "amount");

        Http.Response again = secretary.post("/api/v1/organisations/" + branch + "/dues-sheets", sheet);
        assertThat(again.body().path("recorded").asInt()).as(again.body().toString()).isZero();
        assertThat(again.body().path("unchanged").asInt()).isEqualTo(3);
        String changed = sheet.replace("\"amount\":30000", "\"amount\":25000");
        Http.Response corrected = secretary.post("/api/v1/organisations/" + branch + "/dues-sheets", changed);
        assertThat(corrected.body().path("rejected").get(0).path("row").asInt()).as(corrected.body().toString()).isEqualTo(2);
        assertThat(corrected.body().path("rejected").get(0).path("field").asString()).isEqualTo("amount");

        // the sheet set the basis of the members who had none, from its month
        Http.Response statement = http.get("/api/v1/members/" + salaried + "/dues?year=2025");
        assertThat(statement.body().path("months").get(2).path("due").asLong()).isEqualTo(80_000);
        assertThat(statement.body().path("months").get(2).path("outstanding").asLong()).isZero();
        assertThat(statement.body().path("months").get(1).path("due").asLong()).as("before the sheet's month").isZero();
        assertProblem(secretary.post("/api/v1/organisations/" + branch + "/dues-sheets", "{\"month\":\"2025-3\",\"rows\":[]}"), 400, "month");
        assertProblem(secretary.post("/api/v1/organisations/" + branch + "/dues-sheets",
                "{\"month\":\"" + YearMonth.now(BusinessDates.ZONE).plusMonths(13) + "\",\"rows\":[{\"memberId\":\"" + salaried
                        + "\",\"amount\":80000,\"paidOn\":\"2025-03-10\"}]}"), 422, "month");

        List<DuesPaid> events = TopicReader.read(EmbeddedInfra.kafkaBootstrap(), "membership.events",
                r -> List.of(salaried, pensioner, withBasis).contains(r.key()), Duration.ofSeconds(2)).stream()
                .map(CloudEvents::fromRecord).filter(e -> e.is(EventCatalogue.DUES_PAID)).map(e -> e.dataAs(EventCatalogue.DUES_PAID)).toList();
        assertThat(events).as("one dues-paid a payment, however often the sheet was sent").hasSize(3)
                .allMatch(e -> e.branchId().equals(branch) && e.month().equals(month));
        assertThat(events).extracting(DuesPaid::monthDue).containsExactlyInAnyOrder(80_000L, 30_000L, 5_000L);
    }

    private static String admit(Http http, String branch, String name) {
        return http.post("/api/v1/members", Http.json(Map.of("branchId", branch, "fullName", name,
                "cardNumber", "HP-" + UUID.randomUUID().toString().substring(0, 8), "status", "OFFICIAL", "admittedOn", "2015-03-02"))).text("id");
    }
}
