package org.chibo.citysim;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the demo city as a JSON Lines import file: all units first (each parent before its children), then all
 * members branch by branch. Deterministic: the output depends only on the profile, the seed and the reference date.
 * A reduced city ({@link #firstBranches}) is the whole city's file with every line dropped that does not belong to
 * its first n branches: their ancestors, the branches, their cells and their members, each line as it is there.
 */
public final class CityGenerator {

    public static final long DEFAULT_SEED = 42;
    public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2026, 1, 1);

    private final CityProfile profile;
    private final long seed;
    private final LocalDate referenceDate;
    private final int branchLimit;

    public CityGenerator(CityProfile profile, long seed, LocalDate referenceDate) {
        this(profile, seed, referenceDate, Integer.MAX_VALUE);
    }

    private CityGenerator(CityProfile profile, long seed, LocalDate referenceDate, int branchLimit) {
        if (branchLimit < 1) {
            throw new IllegalArgumentException("a city needs at least one branch, not " + branchLimit);
        }
        this.profile = profile;
        this.seed = seed;
        this.referenceDate = referenceDate;
        this.branchLimit = branchLimit;
    }

    /**
     * The city's first {@code n} branches (BRANCH and GRASSROOTS_BRANCH, in file order, as {@code meetings-year
     * --branches n} takes them) with their ancestors, cells and members; the whole city when {@code n} is larger.
     */
    public CityGenerator firstBranches(int n) {
        return new CityGenerator(profile, seed, referenceDate, n);
    }

    public CityGenerator(long seed) {
        this(CityProfile.bundled(), seed, DEFAULT_REFERENCE_DATE);
    }

    public GenerationSummary writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return writeTo(out);
        }
    }

    /** Writes the whole file to {@code out} (left open) and says what was written. */
    public GenerationSummary writeTo(OutputStream out) throws IOException {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        UnitPlan plan = new TreeBuilder(profile, random.split()).build();
        MemberGenerator members = new MemberGenerator(random.split(), referenceDate);
        Set<String> kept = kept(plan.units());

        Map<UnitKind, Integer> units = new EnumMap<>(UnitKind.class);
        Map<Member.Status, Integer> statuses = new EnumMap<>(Member.Status.class);
        CountingStream counted = new CountingStream(out);
        JsonLinesWriter writer = new JsonLinesWriter(counted);
        for (Unit unit : plan.units()) {
            if (kept.contains(unit.code())) {
                writer.write(unit);
                units.merge(unit.kind(), 1, Integer::sum);
            }
        }
        IOException[] failure = new IOException[1];
        for (UnitPlan.Roll roll : plan.rolls()) {
            // every roll is generated, written or not: the members of the branches kept come out as in the whole city
            boolean write = kept.contains(roll.branchCode());
            members.generate(roll, member -> {
                if (!write) {
                    return;
                }
                try {
                    writer.write(member);
                    statuses.merge(member.status(), 1, Integer::sum);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        writer.flush();
        return new GenerationSummary(seed, units, statuses, writer.lines(), counted.bytes,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The codes of the units to write: all of them, or the first branches with their ancestors and cells. */
    private Set<String> kept(List<Unit> units) {
        Set<String> kept = new HashSet<>();
        Map<String, String> parents = new HashMap<>();
        int branches = 0;
        for (Unit unit : units) {
            parents.put(unit.code(), unit.parentCode());
            boolean keep = unit.kind().holdsMembers() ? branches++ < branchLimit
                    : unit.kind() == UnitKind.CELL && kept.contains(unit.parentCode());
            if (keep) {
                for (String code = unit.code(); code != null && kept.add(code); code = parents.get(code)) {
                    // the unit and every ancestor not yet kept
                }
            }
        }
        return kept;
    }

    /** Counts the bytes written, and leaves the caller's stream open. */
    private static final class CountingStream extends FilterOutputStream {
        long bytes;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
