package org.chibo.citysim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.chibo.citysim.meetings.AnomalyShares;
import org.chibo.citysim.meetings.CityRolls;
import org.chibo.citysim.meetings.Finding;
import org.chibo.citysim.meetings.MeetingYearGenerator;
import org.chibo.citysim.meetings.PlatformStub;
import org.chibo.citysim.meetings.RaisedFindings;
import org.junit.jupiter.api.Test;

/** {@code citysim meetings-year}, {@code meetings-year-load} and {@code meetings-year-check} on the command line. */
class MeetingYearCommandTest extends CommandTest {

    @Test
    void badArgumentsExitWithTwo() {
        assertThat(run("meetings-year", "--out", "y.jsonl")).isEqualTo(2);
        assertThat(err()).contains("meetings-year needs --truth");
        assertThat(run("meetings-year", "--out", "y", "--truth", "t", "--year", "2026")).isEqualTo(2);
        assertThat(err()).contains("the year must be over by the reference date (2026-01-01): 2025 or earlier, not 2026");
        assertThat(run("meetings-year", "--out", "y", "--truth", "t", "--year", "2021")).isEqualTo(2);
        assertThat(err()).contains("on 1 January 2021 ").contains("choose a later year (2025 is the default)");
        assertThat(run("meetings-year", "--out", "y", "--truth", "t", "--shares", "R-X1=0.1")).isEqualTo(2);
        assertThat(err()).contains("no anomaly for rule R-X1");
        assertThat(run("meetings-year", "--out", "y", "--truth", "t", "--branches", "0")).isEqualTo(2);
        assertThat(err()).contains("--branches must be at least 1");
        assertThat(run("meetings-year", "--out", "y", "--truth", "t", "--base", "http://localhost:8080")).isEqualTo(2);
        assertThat(err()).contains("unknown option --base for meetings-year");
        assertThat(run("meetings-year-load", "--concurrency", "0")).isEqualTo(2);
        assertThat(err()).contains("--concurrency must be at least 1");
        assertThat(run("meetings-year-load", "--base", "localhost:8080")).isEqualTo(2);
        assertThat(err()).contains("--base must be an http(s) URL");
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("meetings-year-load");
    }

    @Test
    void meetingsYearWritesTheYearAndTheGroundTruth() throws Exception {
        Path year = dir.resolve("year.jsonl");
        Path truth = dir.resolve("truth.jsonl");
        assertThat(run("meetings-year", "--seed", "42", "--branches", "60", "--out", year.toString(), "--truth", truth.toString()))
                .as(err()).isZero();

        assertThat(out()).contains("meeting year 2025 (seed 42, reference date 2026-01-01)").contains("60 branches")
                .contains("ground truth").contains("year file");
        CityRolls city = CityRolls.generate(CityProfile.bundled(), 42, LocalDate.of(2026, 1, 1)).firstBranches(60);
        ByteArrayOutputStream y = new ByteArrayOutputStream();
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        new MeetingYearGenerator(city, 42, 2025, LocalDate.of(2026, 1, 1), AnomalyShares.defaults()).writeTo(y, t);
        assertThat(Files.readAllBytes(year)).isEqualTo(y.toByteArray());
        assertThat(Files.readAllBytes(truth)).isEqualTo(t.toByteArray());
    }

    @Test
    void meetingsYearLoadExitsZeroWhenEverythingIsRecordedAndOneWhenNot() throws Exception {
        CityRolls city = CityRolls.generate(CityProfile.bundled(), 42, LocalDate.of(2026, 1, 1)).firstBranches(4);
        try (PlatformStub stub = new PlatformStub(city)) {
            assertThat(run("meetings-year-load", "--branches", "4", "--base", stub.base().toString(), "--token-url", stub.tokenUrl().toString(), "--concurrency", "2"))
                    .as(out() + err()).isZero();
            assertThat(out()).contains("every meeting of the year is recorded").contains("meeting year 2025");
            int recorded = stub.recorded();
            assertThat(recorded).isBetween(56, 64);

            // a second run finds everything recorded already: still 0
            assertThat(run("meetings-year-load", "--branches", "4", "--base", stub.base().toString(), "--token-url", stub.tokenUrl().toString())).isZero();
            assertThat(out()).contains("0 recorded, " + recorded + " already there");

            stub.answerNextMeetings(PlatformStub.problem(422, "invalid-field", "attendance", "missing: someone"));
            assertThat(run("meetings-year-load", "--branches", "4", "--base", stub.base().toString(), "--token-url", stub.tokenUrl().toString(),
                    "--seed", "42")).isEqualTo(1);
            assertThat(out()).contains("HTTP 422").contains("the year is NOT completely recorded");
        }
    }

    @Test
    void meetingsYearCheckExitsZeroOnlyWhenTheFindingsEqualTheTruth() throws Exception {
        Path truthFile = dir.resolve("truth.jsonl");
        assertThat(run("meetings-year", "--branches", "30", "--out", dir.resolve("year.jsonl").toString(), "--truth",
                truthFile.toString())).isZero();
        List<Finding> truth = Finding.read(truthFile);
        CityRolls city = CityRolls.generate(CityProfile.bundled(), 42, LocalDate.of(2026, 1, 1)).firstBranches(30);
        try (PlatformStub stub = new PlatformStub(city).findings(RaisedFindings.of(truth))) {
            assertThat(run("meetings-year-check", "--truth", truthFile.toString(), "--branches", "30", "--base",
                    stub.base().toString(), "--token-url", stub.tokenUrl().toString())).as(out() + err()).isZero();
            assertThat(out()).contains("closed 2025-Q4: 30 branches checked").contains("the findings equal the ground truth");

            stub.findings(RaisedFindings.of(truth.subList(1, truth.size())));
            assertThat(run("meetings-year-check", "--truth", truthFile.toString(), "--branches", "30", "--base",
                    stub.base().toString(), "--token-url", stub.tokenUrl().toString(), "--no-close")).isEqualTo(1);
            assertThat(out()).contains("missing " + truth.getFirst().rule()).contains("the findings do NOT equal the ground truth");
        }
        assertThat(run("meetings-year-check", "--branches", "30")).isEqualTo(2);
        assertThat(err()).contains("meetings-year-check needs --truth");
        assertThat(run("meetings-year-check", "--truth", dir.resolve("none.jsonl").toString())).isEqualTo(2);
        assertThat(err()).contains("cannot read");
    }

    @Test
    void meetingsYearLoadWithCheckClosesTheYearAndComparesWithTheTruthItGenerated() throws Exception {
        CityRolls city = CityRolls.generate(CityProfile.bundled(), 42, LocalDate.of(2026, 1, 1)).firstBranches(30);
        try (PlatformStub stub = new PlatformStub(city).findings(RaisedFindings.of(RaisedFindings.truthOfFirstBranches(30)))) {
            assertThat(run("meetings-year-load", "--branches", "30", "--base", stub.base().toString(), "--token-url", stub.tokenUrl().toString(), "--check", "--settle", "0"))
                    .as(out() + err()).isZero();
            assertThat(out()).contains("every meeting of the year is recorded").contains("closed 2025-12")
                    .contains("the findings equal the ground truth");

            stub.findings(List.of());
            assertThat(run("meetings-year-load", "--branches", "30", "--base", stub.base().toString(), "--token-url", stub.tokenUrl().toString(), "--check", "--settle", "0"))
                    .isEqualTo(1);
            assertThat(out()).contains("the findings do NOT equal the ground truth");
        }
    }
}
