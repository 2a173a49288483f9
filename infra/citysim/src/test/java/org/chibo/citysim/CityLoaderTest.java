package org.chibo.citysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityLoaderTest {

    static final CityProfile PROFILE = CityProfile.bundled();

    @TempDir
    Path dir;
    ImportStub stub;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws IOException {
        stub = new ImportStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    /** Quick retries, so failure paths take milliseconds. */
    CityLoader loader(int chunkLines) {
        return new CityLoader(CityLoader.Options.defaults(stub.base()).withChunkLines(chunkLines)
                .withRetries(CityLoader.DEFAULT_MAX_RETRIES, Duration.ofMillis(5)), out);
    }

    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWholeCityLoadsInChunksOfFiveThousandAndMatchesTheProfile() throws Exception {
        CitySim.Result result = CitySim.generateAndLoad(stub.base(), org.chibo.citysim.auth.Credentials.demo(stub.tokenUrl()).admin(), 42, out);

        assertThat(result.allMatch()).as(printed()).isTrue();
        LoadReport load = result.load();
        long lines = result.generated().lines();
        assertThat(load.lines()).isEqualTo(lines);
        assertThat(load.chunks()).isEqualTo((int) ((lines + 4999) / 5000));
        assertThat(load.createdUnits()).isEqualTo(result.generated().unitLines());
        assertThat(load.createdMembers()).isEqualTo(128_874);
        assertThat(load.unchanged()).isZero();
        assertThat(load.rejected()).isEmpty();
        assertThat(load.comparison().rows()).hasSize(6).allMatch(ProfileCheck.Row::matches);

        // member-only chunks travel two at a time, so they may arrive out of order; a chunk holding units arrives
        // after every chunk before it and before every chunk after it (the rows after it may name its units)
        List<ImportStub.Received> arrived = stub.received();
        for (int i = 0; i < arrived.size(); i++) {
            if (arrived.get(i).body().contains("\"record\":\"unit\"")) {
                int at = i;
                assertThat(arrived.subList(0, i)).allMatch(r -> r.firstLine() < arrived.get(at).firstLine());
                assertThat(arrived.subList(i + 1, arrived.size())).allMatch(r -> r.firstLine() > arrived.get(at).firstLine());
            }
        }
        List<ImportStub.Received> received = arrived.stream().sorted(java.util.Comparator.comparingInt(ImportStub.Received::firstLine)).toList();
        assertThat(received).extracting(ImportStub.Received::firstLine)
                .isEqualTo(java.util.stream.IntStream.range(0, load.chunks()).map(i -> 1 + 5000 * i).boxed().toList());
        assertThat(received).allMatch(r -> "application/x-ndjson".equals(r.contentType()));
        // chunks are whole lines, in order: put back together they are the generated file, byte for byte
        String sent = received.stream().map(ImportStub.Received::body).collect(Collectors.joining());
        assertThat(GeneratedCity.sha256(sent.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(GeneratedCity.sha256(GeneratedCity.bytes(42, CityGenerator.DEFAULT_REFERENCE_DATE)));

        String log = printed();
        assertThat(log).contains("chunk 1/" + load.chunks() + ": 5,000/" + String.format(Locale.ROOT, "%,d", lines) + " lines (")
                .contains("chunk " + load.chunks() + "/" + load.chunks() + ": " + String.format(Locale.ROOT, "%,d", lines) + "/"
                        + String.format(Locale.ROOT, "%,d", lines) + " lines (100.0%)")
                .contains("lines/s").contains("rejected 0")
                .contains("every figure matches").doesNotContain("✗");
        assertThat(log.lines().filter(l -> l.endsWith("✓"))).hasSize(6);
    }

    @Test
    void chunksAreNumberedByTheirFirstLineAndNeverSplitALine() throws Exception {
        Path file = smallCity();
        LoadReport report = loader(3).load(file, PROFILE);

        // the two member-only chunks travel together and may arrive in either order
        List<ImportStub.Received> received = stub.received().stream()
                .sorted(java.util.Comparator.comparingInt(ImportStub.Received::firstLine)).toList();
        assertThat(received).extracting(ImportStub.Received::firstLine).containsExactly(1, 4, 7, 10);
        assertThat(received).extracting(r -> r.lines().size()).containsExactly(3, 3, 3, 1);
        assertThat(stub.received()).allMatch(r -> r.body().endsWith("}\n"));
        assertThat(report.lines()).isEqualTo(10);
        assertThat(report.chunks()).isEqualTo(4);
        assertThat(report.createdUnits()).isEqualTo(6);
        assertThat(report.createdMembers()).isEqualTo(4);
        assertThat(printed()).contains("chunk 1/4: 3/10 lines (30.0%)").contains("chunk 4/4: 10/10 lines (100.0%)");
    }

    @Test
    void loadingTheSameFileTwiceChangesNothingTheSecondTime() throws Exception {
        Path file = smallCity();
        loader(4).load(file, PROFILE);
        LoadReport again = loader(4).load(file, PROFILE);
        assertThat(again.createdUnits()).isZero();
        assertThat(again.createdMembers()).isZero();
        assertThat(again.unchanged()).isEqualTo(10);
    }

    @Test
    void aChunkIsRetriedAfter503And500AndADroppedConnection() throws Exception {
        Path file = smallCity();
        stub.failNext(new ImportStub.Status(503, "0"), new ImportStub.Drop(), new ImportStub.Status(500, null));

        LoadReport report = loader(5).load(file, PROFILE);

        assertThat(stub.received()).extracting(ImportStub.Received::firstLine).containsExactly(1, 1, 1, 1, 6);
        assertThat(report.createdUnits()).isEqualTo(6);
        assertThat(report.createdMembers()).isEqualTo(4);
        assertThat(printed()).contains("chunk 1/2 (lines 1–5): HTTP 503; retry 1/5")
                .contains("retry 2/5").contains("chunk 1/2 (lines 1–5): HTTP 500; retry 3/5");
    }

    @Test
    void aChunkIsGivenUpAfterFiveRetries() throws Exception {
        Path file = smallCity();
        stub.failAlways(new ImportStub.Status(503, null));

        assertThatThrownBy(() -> loader(5).load(file, PROFILE))
                .isInstanceOf(CityLoader.LoadFailedException.class)
                .hasMessageContaining("chunk 1/2 (lines 1–5) failed after 6 attempts; last: HTTP 503");
        assertThat(stub.received()).hasSize(6);
        assertThat(printed()).contains("retry 5/5").doesNotContain("retry 6/5");
    }

    /** Member-only chunks travel two at a time; one that fails for good still fails the load, naming it. */
    @Test
    void aMemberChunkSentBesideAnotherFailsTheLoadWhenItFailsForGood() throws Exception {
        Path city = smallCity();
        loader(10).load(city, PROFILE);
        Path members = dir.resolve("members.jsonl");
        Files.write(members, Files.readAllLines(city).stream().filter(l -> l.contains("\"record\":\"member\"")).toList());
        stub.failAlways(new ImportStub.Status(503, null));

        assertThatThrownBy(() -> loader(2).load(members, PROFILE))
                .isInstanceOf(CityLoader.LoadFailedException.class)
                .hasMessageContaining("failed after 6 attempts; last: HTTP 503");
    }

    @Test
    void anUnreachablePlatformFailsAfterTheRetries() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CityLoader loader = new CityLoader(CityLoader.Options.defaults(URI.create("http://127.0.0.1:" + port))
                .withRetries(2, Duration.ofMillis(1)), out);

        assertThatThrownBy(() -> loader.load(smallCity(), PROFILE))
                .isInstanceOf(CityLoader.LoadFailedException.class)
                .hasMessageContaining("failed after 3 attempts; last: ConnectException");
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        Path file = smallCity();
        stub.failNext(new ImportStub.Status(422, null));

        assertThatThrownBy(() -> loader(5).load(file, PROFILE))
                .isInstanceOf(CityLoader.LoadFailedException.class)
                .hasMessageContaining("HTTP 422");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void rejectedRowsAreCollectedWithTheirFileLineAndPrintedAtTheEnd() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, String.join("\n",
                unit("HP", "CITY_COMMITTEE", null),
                unit("HP.D01", "DIRECT_COMMITTEE", "HP"),
                unit("HP.D01.B001", "GRASSROOTS_BRANCH", "HP.D01"),
                unit("HP.D09.B001", "GRASSROOTS_BRANCH", "HP.D09"),                  // 4: no such parent
                member("HP00000001", "HP.D01.B001"),
                member("HP00000002", "HP.D01.NOPE"),                                 // 6: no such branch
                member("HP00000003", "HP.D01"),                                      // 7: a committee keeps no rolls
                "{\"record\":\"dues\"}") + "\n", StandardCharsets.UTF_8);           // 8: unknown record

        LoadReport report = loader(3).load(file, PROFILE);

        assertThat(report.rejected()).extracting(LoadReport.Rejection::line).containsExactly(4L, 6L, 7L, 8L);
        assertThat(report.rejected()).extracting(LoadReport.Rejection::field)
                .containsExactly("parentCode", "branchCode", "branchCode", "record");
        assertThat(report.rejected().get(1).text()).contains("HP00000002");
        String log = printed();
        assertThat(log).contains("rejected rows (4):").contains("line 6  branchCode: no unit with code HP.D01.NOPE")
                .contains("{\"record\":\"dues\"}");
        // a tiny city is not the profile's: the comparison says so, row by row
        assertThat(report.allMatch()).isFalse();
        assertThat(report.comparison().rows()).filteredOn(r -> r.figure().equals("grassroots branches"))
                .singleElement().satisfies(r -> assertThat(r.actual()).isEqualTo(1));
        assertThat(log).contains("✗").contains("some figures do not match");
    }

    @Test
    void aCityTheCountsCannotFindMatchesNothing() throws Exception {
        Path file = dir.resolve("members-only.jsonl");
        Files.writeString(file, member("HP00000009", "HP.D01.B001") + "\n", StandardCharsets.UTF_8);

        LoadReport report = loader(10).load(file, PROFILE);

        assertThat(report.allMatch()).isFalse();
        assertThat(report.comparison().rows()).allMatch(r -> r.actual() == -1);
        assertThat(printed()).contains("the platform has no unit with code HP").contains("—");
    }

    /** Ten lines: six units, then four members. */
    private Path smallCity() throws IOException {
        Path file = dir.resolve("small.jsonl");
        if (!Files.exists(file)) {
            Files.writeString(file, String.join("\n",
                    unit("HP", "CITY_COMMITTEE", null),
                    unit("HP.D01", "DIRECT_COMMITTEE", "HP"),
                    unit("HP.D01.G001", "GRASSROOTS_COMMITTEE", "HP.D01"),
                    unit("HP.D01.G001.B001", "BRANCH", "HP.D01.G001"),
                    unit("HP.D01.B001", "GRASSROOTS_BRANCH", "HP.D01"),
                    unit("HP.D01.B001.T1", "CELL", "HP.D01.B001"),
                    member("HP00000001", "HP.D01.G001.B001"),
                    member("HP00000002", "HP.D01.G001.B001"),
                    member("HP00000003", "HP.D01.B001"),
                    member("HP00000004", "HP.D01.B001")) + "\n", StandardCharsets.UTF_8);
        }
        return file;
    }

    private static String unit(String code, String kind, String parent) {
        return "{\"record\":\"unit\",\"code\":\"" + code + "\",\"name\":\"Đơn vị " + code + "\",\"kind\":\"" + kind + "\""
                + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"") + "}";
    }

    private static String member(String card, String branch) {
        return "{\"record\":\"member\",\"cardNumber\":\"" + card + "\",\"fullName\":\"Nguyễn Văn An\",\"gender\":\"MALE\","
                + "\"birthDate\":\"1960-01-01\",\"branchCode\":\"" + branch + "\",\"status\":\"OFFICIAL\","
                + "\"admittedOn\":\"1990-05-02\",\"recognisedOn\":\"1991-06-01\"}";
    }
}
