package org.chibo.citysim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CitySimTest extends CommandTest {

    @Test
    void badArgumentsPrintTheUsageAndExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("usage: citysim");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command frobnicate");
        assertThat(run("generate")).isEqualTo(2);
        assertThat(err()).contains("generate needs --out");
        assertThat(run("generate", "--out", "x", "--seed", "many")).isEqualTo(2);
        assertThat(err()).contains("--seed must be a whole number, not many");
        assertThat(run("generate", "--out", "x", "--reference-date", "1/1/2026")).isEqualTo(2);
        assertThat(err()).contains("--reference-date must be YYYY-MM-DD");
        assertThat(run("generate", "--out", "x", "--chunk", "5")).isEqualTo(2);
        assertThat(err()).contains("unknown option --chunk for generate");
        assertThat(run("load", "--file", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err()).contains("cannot read");
        assertThat(run("load", "--file", "x", "--base", "localhost:8080")).isEqualTo(2);
        assertThat(err()).contains("--base must be an http(s) URL");
        assertThat(run("load", "--file", "x", "--chunk", "0")).isEqualTo(2);
        assertThat(run("load", "--file")).isEqualTo(2);
        assertThat(err()).contains("--file needs a value");
    }

    @Test
    void helpGoesToStandardOutput() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("generate-and-load");
    }

    @Test
    void generateWritesTheFileAndSaysWhatIsInIt() throws Exception {
        Path file = dir.resolve("city.jsonl");
        assertThat(run("generate", "--seed=7", "--reference-date", "2025-07-01", "--out", file.toString())).isZero();
        assertThat(Files.size(file)).isGreaterThan(20_000_000);
        assertThat(out()).contains("seed 7, reference date 2025-07-01").contains("members 128,874");
        assertThat(Files.readAllBytes(file)).isEqualTo(GeneratedCity.bytes(7, java.time.LocalDate.of(2025, 7, 1)));
    }

    @Test
    void generateAndLoadKeepsTheFileWhenAskedAndExitsZeroWhenEverythingMatches() throws Exception {
        Path file = dir.resolve("kept.jsonl");
        try (ImportStub stub = new ImportStub(true)) {
            int status = run("generate-and-load", "--out", file.toString(), "--base", stub.base().toString(), "--chunk", "10000",
                    "--token-url", stub.tokenUrl().toString());
            assertThat(status).as(out() + err()).isZero();
            assertThat(stub.tokensIssued()).as("one token, kept for every chunk").isEqualTo(1);
            assertThat(stub.received()).hasSizeBetween(13, 14);
            assertThat(stub.members()).isEqualTo(128_874);
        }
        assertThat(file).exists();
        assertThat(out()).contains("every figure matches");
    }

    @Test
    void generateAndLoadOfTheFirstBranchesComparesThePlatformWithTheReducedCity() throws Exception {
        Path file = dir.resolve("reduced.jsonl");
        try (ImportStub stub = new ImportStub(true)) {
            int status = run("generate-and-load", "--branches", "80", "--out", file.toString(), "--base", stub.base().toString(),
                    "--token-url", stub.tokenUrl().toString());
            assertThat(status).as(out() + err()).isZero();
            assertThat((long) stub.members()).isEqualTo(Files.readAllLines(file).stream().filter(l -> l.contains("\"record\":\"member\"")).count());
        }
        assertThat(out()).contains("its first 80 branches").containsPattern("branches in total +80 +80 +✓")
                .contains("every figure matches");
        assertThat(run("generate", "--branches", "80", "--out", dir.resolve("again.jsonl").toString())).isZero();
        assertThat(dir.resolve("again.jsonl")).hasSameBinaryContentAs(file);
        assertThat(run("generate", "--branches", "0", "--out", "x")).isEqualTo(2);
        assertThat(err()).contains("--branches must be at least 1");
    }

    @Test
    void loadExitsOneWhenTheFiguresDiffer() throws Exception {
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, "{\"record\":\"unit\",\"code\":\"HP\",\"name\":\"Đảng bộ\",\"kind\":\"CITY_COMMITTEE\"}\n");
        try (ImportStub stub = new ImportStub(true)) {
            assertThat(run("load", "--file", file.toString(), "--base", stub.base().toString(),
                    "--token-url", stub.tokenUrl().toString())).isEqualTo(1);
        }
        assertThat(out()).contains("✗");
    }

    @Test
    void aLoginTheIdentityProviderRefusesStopsTheLoadBeforeAnythingIsSent() throws Exception {
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, "{\"record\":\"unit\",\"code\":\"HP\",\"name\":\"Đảng bộ\",\"kind\":\"CITY_COMMITTEE\"}\n");
        try (ImportStub stub = new ImportStub(true)) {
            assertThat(run("load", "--file", file.toString(), "--base", stub.base().toString(),
                    "--token-url", stub.tokenUrl().toString(), "--password", "wrong")).isEqualTo(1);
            assertThat(stub.received()).isEmpty();
        }
        assertThat(err()).contains("no token for admin").contains("invalid_grant");
    }
}
