package org.chibo.citysim.meetings;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.chibo.citysim.CityProfile;

/**
 * The demo city's year (seed 42, reference date 2026-01-01, year 2025, default shares), generated once per test JVM
 * into temporary files and checked against {@link YearInvariants} on the way: the tests share it because it takes
 * seconds and 290 MB.
 */
final class FullYear {

    static final long SEED = 42;
    static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);
    static final int YEAR = 2025;

    private static final Map<Long, CityRolls> CITIES = new HashMap<>();
    private static FullYear instance;

    final CityRolls city;
    final MeetingYearGenerator generator;
    final Path yearFile;
    final Path truthFile;
    final YearSummary summary;
    final YearInvariants invariants;
    final List<String> degenerate = new ArrayList<>();
    final String yearSha256;
    final String truthSha256;

    private FullYear() throws IOException {
        city = city(SEED);
        generator = new MeetingYearGenerator(city, SEED, YEAR, REFERENCE, AnomalyShares.defaults());
        Path dir = Files.createTempDirectory("citysim-year-");
        dir.toFile().deleteOnExit();
        yearFile = dir.resolve("year.jsonl");
        truthFile = dir.resolve("truth.jsonl");
        yearFile.toFile().deleteOnExit();
        truthFile.toFile().deleteOnExit();
        invariants = new YearInvariants(generator, SEED, REFERENCE);
        MessageDigest yearDigest = sha256();
        MessageDigest truthDigest = sha256();
        try (OutputStream year = new DigestOutputStream(Files.newOutputStream(yearFile), yearDigest);
             OutputStream truth = new DigestOutputStream(Files.newOutputStream(truthFile), truthDigest);
             MeetingYearGenerator.YearFiles files = generator.files(year, truth)) {
            Iterator<BranchYear> years = generator.branchYears();
            while (years.hasNext()) {
                BranchYear b = years.next();
                files.write(b);
                invariants.check(b);
                degenerate.addAll(b.degenerate());
            }
            summary = files.summary();
        }
        yearSha256 = HexFormat.of().formatHex(yearDigest.digest());
        truthSha256 = HexFormat.of().formatHex(truthDigest.digest());
    }

    static synchronized FullYear get() {
        if (instance == null) {
            try {
                instance = new FullYear();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    static synchronized CityRolls city(long seed) {
        return CITIES.computeIfAbsent(seed, s -> CityRolls.generate(CityProfile.bundled(), s, REFERENCE));
    }

    /** A smaller year, in memory: both files' text, checked on the way. */
    record Small(String year, String truth, YearInvariants invariants, YearSummary summary) {
        BufferedReader yearReader() {
            return new BufferedReader(new StringReader(year));
        }

        List<String> truthLines() {
            return truth.lines().toList();
        }
    }

    static Small small(MeetingYearGenerator generator, long seed) {
        ByteArrayOutputStream year = new ByteArrayOutputStream();
        ByteArrayOutputStream truth = new ByteArrayOutputStream();
        YearInvariants invariants = new YearInvariants(generator, seed, REFERENCE);
        YearSummary summary;
        try (MeetingYearGenerator.YearFiles files = generator.files(year, truth)) {
            Iterator<BranchYear> years = generator.branchYears();
            while (years.hasNext()) {
                BranchYear b = years.next();
                files.write(b);
                invariants.check(b);
            }
            summary = files.summary();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Small(year.toString(StandardCharsets.UTF_8),
                truth.toString(StandardCharsets.UTF_8), invariants, summary);
    }

    /** SHA-256 of the year and truth files of {@code generator}, written to nowhere. */
    static String[] digests(MeetingYearGenerator generator) {
        MessageDigest year = sha256();
        MessageDigest truth = sha256();
        try (OutputStream y = new DigestOutputStream(OutputStream.nullOutputStream(), year);
             OutputStream t = new DigestOutputStream(OutputStream.nullOutputStream(), truth)) {
            generator.writeTo(y, t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {HexFormat.of().formatHex(year.digest()), HexFormat.of().formatHex(truth.digest())};
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
