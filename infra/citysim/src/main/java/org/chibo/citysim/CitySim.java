package org.chibo.citysim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.chibo.citysim.auth.Credentials;
import org.chibo.citysim.auth.TokenSource;
import org.chibo.citysim.meetings.AnomalyShares;
import org.chibo.citysim.meetings.BranchYear;
import org.chibo.citysim.meetings.CityRolls;
import org.chibo.citysim.meetings.Finding;
import org.chibo.citysim.meetings.MeetingYearGenerator;
import org.chibo.citysim.meetings.MeetingYearLoader;
import org.chibo.citysim.meetings.PlatformIds;
import org.chibo.citysim.meetings.YearCheck;
import org.chibo.citysim.meetings.YearLoadReport;
import org.chibo.citysim.ratings.RatingCheck;
import org.chibo.citysim.ratings.Thresholds;

/**
 * The command line ({@code generate}, {@code load}, {@code generate-and-load}, {@code meetings-year},
 * {@code meetings-year-load}, {@code meetings-year-check}, {@code ratings-check}, {@code checkin-bench}) and the plain Java entry point the
 * devstack's first-start hook calls: {@link #generateAndLoad(URI, long, PrintStream)}.
 */
public final class CitySim {

    static final String USAGE = """
            usage: citysim <command> [options]

              generate           [--seed 42] [--reference-date 2026-01-01] --out FILE [--branches N]
                                 write the demo city (Hải Phòng scale, from city-profile.json) as a JSON Lines file
              load               --file FILE [--base http://localhost:8080] [--chunk 5000]
                                 send a JSON Lines file to <base>/api/v1/imports in chunks, then compare the
                                 platform's counts for HP with the profile
              generate-and-load  [--seed 42] [--reference-date 2026-01-01] [--out FILE]
                                 [--base http://localhost:8080] [--chunk 5000] [--branches N]
                                 both; without --out the file is a temporary one, deleted afterwards; with
                                 --branches the platform's counts are compared with the reduced city's own
              meetings-year      [--seed 42] [--reference-date 2026-01-01] [--year 2025] --out FILE --truth FILE
                                 [--shares R-G2=0.02,R-M1=0.003,...] [--branches N]
                                 a year of meetings for the demo city of the same seed (every branch's 12 regular
                                 and 4 thematic meetings, with injected anomalies) as JSON Lines, and the ground
                                 truth: the findings an inspection must raise, one per line
              meetings-year-load [--seed 42] [--reference-date 2026-01-01] [--year 2025] [--out FILE] [--truth FILE]
                                 [--base http://localhost:8080] [--concurrency 8] [--shares ...] [--branches N]
                                 [--check [--settle 30] [--unit HP]]
                                 generate the year and record it through <base>/api/v1/meetings (the city must be
                                 loaded already); --out and --truth keep what was sent; --check then waits until
                                 inspection has raised no new finding for --settle seconds and checks its findings
                                 against the ground truth, as meetings-year-check does, with the load's ids
              meetings-year-check --truth FILE [--seed 42] [--reference-date 2026-01-01] [--year 2025]
                                 [--base http://localhost:8080] [--branches N] [--unit HP] [--no-close]
                                 close the year's months and quarters in inspection (unless --no-close), read every
                                 finding below the unit and compare them with the ground truth: matched, missing
                                 and extra by rule; exit 0 only when they are equal
              ratings-check      [--seed 42] [--reference-date 2026-01-01] [--year 2025] [--shares ...]
                                 [--base http://localhost:8080] [--branches N] [--no-close] [--shown 10]
                                 [--settle SECONDS] [--unit HP]
                                 with --settle, wait (at most that long) until evaluation's record of the unit holds
                                 every meeting and finding of the year (its scorecard: heavy for a whole city), then
                                 close the rating year in evaluation (unless --no-close), read every member's and
                                 branch's final rating and compare them with what the year's ground truth implies
                                 (the evaluation README's rule set): rating, rating unit, criteria and their
                                 evidence, the EXCELLENT cap in every unit; exit 0 only when all are as implied
              checkin-bench      [--base http://localhost:8080] [--unit HP] [--concurrency 32] [--branches N] [--login-first]
                                 measure check-in at city scale: an extraordinary meeting opened today in every
                                 branch below the unit, every member checking in with its code, interleaved across
                                 the city, then the meetings cancelled; prints the rate and latencies. Each member
                                 checks in with their own token, fetched before their check-in (not in its latency);
                                 --login-first fetches them all before the timed check-ins (not in the rate either)

            Every command that calls the platform sends a bearer token from the identity provider (password grant,
            public client chibo-cli): [--token-url http://localhost:9000/oauth2/token] [--user admin]
            [--password chibo-demo] — the devstack's demo city admin by default; for Keycloak (docker-compose) use
            --token-url http://localhost:9000/realms/chibo/protocol/openid-connect/token. checkin-bench checks every
            member in with their own token (username = card number, same password) and reports that time apart.

            The same seed and reference date always give a byte-identical file (and, with the same year and shares,
            byte-identical meeting and truth files). --branches N takes only the city's first N branches (with their
            ancestors, cells and members for a city; the same N gives the same branches to every command).
            Exit status: 0 done (and every figure matches, or every meeting is recorded), 1 loaded but some figure
            differs, some meeting is not recorded or the load failed, 2 bad arguments.
            """;

    static final URI DEFAULT_BASE = URI.create("http://localhost:8080");
    /** {@code --branches} not given: the whole city. */
    public static final int ALL_BRANCHES = Integer.MAX_VALUE;

    /** What {@link #generateAndLoad} did: the file it generated and what the platform made of it. */
    public record Result(GenerationSummary generated, LoadReport load) {
        public boolean allMatch() {
            return load.allMatch();
        }
    }

    private CitySim() {
    }

    /**
     * Generates the city for {@code seed} (reference date 2026-01-01) into a temporary file and loads it, as the
     * devstack's demo city admin (identity provider at http://localhost:9000).
     */
    public static Result generateAndLoad(URI base, long seed, PrintStream progress) throws IOException, InterruptedException {
        return generateAndLoad(base, Credentials.demo().admin(), seed, progress);
    }

    /** As above, with the bearer tokens of an administrator whose subtree is the city. */
    public static Result generateAndLoad(URI base, TokenSource admin, long seed, PrintStream progress)
            throws IOException, InterruptedException {
        return generateAndLoad(CityProfile.bundled(), seed, CityGenerator.DEFAULT_REFERENCE_DATE,
                CityLoader.Options.defaults(base).withTokens(admin), null, progress);
    }

    /** As above, with every knob; {@code keep} names the file to write and keep, or null for a temporary one. */
    public static Result generateAndLoad(CityProfile profile, long seed, LocalDate referenceDate, CityLoader.Options options,
                                         Path keep, PrintStream progress) throws IOException, InterruptedException {
        return generateAndLoad(profile, seed, referenceDate, ALL_BRANCHES, options, keep, progress);
    }

    /**
     * The city's first {@code branches} branches (with their ancestors, cells and members) generated and loaded; the
     * platform's counts are then compared with that reduced city's own figures, not the profile's.
     */
    public static Result generateAndLoad(CityProfile profile, long seed, LocalDate referenceDate, int branches,
                                         CityLoader.Options options, Path keep, PrintStream progress)
            throws IOException, InterruptedException {
        Path file = keep != null ? keep : Files.createTempFile("chibo-city-", ".jsonl");
        try {
            GenerationSummary generated = generate(profile, seed, referenceDate, branches, file, progress);
            CityProfile expected = branches == ALL_BRANCHES ? profile
                    : generated.asProfile(profile, "its first " + branches + " branches");
            LoadReport load = new CityLoader(options, progress).load(file, expected);
            return new Result(generated, load);
        } finally {
            if (keep == null) {
                Files.deleteIfExists(file);
            }
        }
    }

    static GenerationSummary generate(CityProfile profile, long seed, LocalDate referenceDate, int branches, Path file,
                                      PrintStream out) throws IOException {
        GenerationSummary s = new CityGenerator(profile, seed, referenceDate).firstBranches(branches).writeTo(file);
        out.printf(Locale.ROOT, "[citysim] generated %s (seed %d, reference date %s) in %.2f s: %,d lines, %,d bytes%n",
                file, seed, referenceDate, s.elapsed().toMillis() / 1000.0, s.lines(), s.bytes());
        StringBuilder kinds = new StringBuilder();
        s.unitsByKind().forEach((k, n) -> kinds.append(String.format(Locale.ROOT, " %s %,d;", k, n)));
        out.printf(Locale.ROOT, "[citysim]   units %,d:%s members %,d (%,d official, %,d probationary)%n", s.unitLines(),
                kinds, s.members(), s.membersByStatus().getOrDefault(Member.Status.OFFICIAL, 0),
                s.membersByStatus().getOrDefault(Member.Status.PROBATIONARY, 0));
        return s;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            String command = args[0];
            Map<String, String> o = switch (command) {
                case "generate" -> options(args, Set.of("seed", "reference-date", "out", "branches"), Set.of("out"));
                case "load" -> options(args, withLogin("file", "base", "chunk"), Set.of("file"));
                case "generate-and-load" -> options(args, withLogin("seed", "reference-date", "out", "base", "chunk", "branches"),
                        Set.of());
                case "meetings-year" -> options(args, Set.of("seed", "reference-date", "year", "out", "truth", "shares",
                        "branches"), Set.of("out", "truth"));
                case "meetings-year-load" -> options(args, withLogin("seed", "reference-date", "year", "out", "truth", "base",
                        "concurrency", "shares", "branches", "check", "settle", "unit"), Set.of("check"), Set.of());
                case "meetings-year-check" -> options(args, withLogin("seed", "reference-date", "year", "truth", "base",
                        "branches", "unit", "no-close"), Set.of("no-close"), Set.of("truth"));
                case "ratings-check" -> options(args, withLogin("seed", "reference-date", "year", "shares", "base",
                        "branches", "no-close", "shown", "settle", "unit"), Set.of("no-close"), Set.of());
                case "checkin-bench" -> options(args, withLogin("base", "unit", "concurrency", "branches", "login-first"),
                        Set.of("login-first"), Set.of());
                default -> throw new UsageException("unknown command " + command);
            };
            long seed = o.containsKey("seed") ? parseLong("seed", o.get("seed")) : CityGenerator.DEFAULT_SEED;
            LocalDate referenceDate = o.containsKey("reference-date") ? parseDate(o.get("reference-date"))
                    : CityGenerator.DEFAULT_REFERENCE_DATE;
            URI base = o.containsKey("base") ? parseBase(o.get("base")) : DEFAULT_BASE;
            int chunk = o.containsKey("chunk") ? (int) parseLong("chunk", o.get("chunk")) : CityLoader.DEFAULT_CHUNK_LINES;
            if (chunk < 1) {
                throw new UsageException("--chunk must be at least 1");
            }
            int branches = o.containsKey("branches") ? (int) parseLong("branches", o.get("branches")) : ALL_BRANCHES;
            if (branches < 1) {
                throw new UsageException("--branches must be at least 1");
            }
            CityProfile profile = CityProfile.bundled();
            Credentials credentials = credentials(o);
            TokenSource tokens = credentials.of(o.getOrDefault("user", Credentials.ADMIN));
            CityLoader.Options loadOptions = CityLoader.Options.defaults(base).withChunkLines(chunk).withTokens(tokens);
            return switch (command) {
                case "generate" -> {
                    generate(profile, seed, referenceDate, branches, Path.of(o.get("out")), out);
                    yield 0;
                }
                case "ratings-check" -> ratingsCheck(o, profile, seed, referenceDate, branches, base, tokens, out);
                case "meetings-year-check" -> meetingYearCheck(o, profile, seed, referenceDate, branches, base, tokens, out);
                case "meetings-year", "meetings-year-load" ->
                        meetingYear(command, o, profile, seed, referenceDate, branches, base, tokens, out);
                case "checkin-bench" -> {
                    var bench = new org.chibo.citysim.checkin.CheckInBenchmark(new org.chibo.citysim.checkin.CheckInBenchmark.Options(
                            base, o.getOrDefault("unit", HaiPhong.CODE),
                            o.containsKey("concurrency") ? (int) parseLong("concurrency", o.get("concurrency")) : 32,
                            branches == ALL_BRANCHES ? 0 : branches, seed, credentials, o.containsKey("login-first")), out);
                    try {
                        yield bench.run().failures() == 0 ? 0 : 1;
                    } catch (IOException | InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        err.println("citysim: check-in benchmark failed: " + e.getMessage());
                        yield 1;
                    }
                }
                case "load" -> {
                    Path file = Path.of(o.get("file"));
                    if (!Files.isReadable(file)) {
                        throw new UsageException("cannot read " + file);
                    }
                    yield new CityLoader(loadOptions, out).load(file, profile).allMatch() ? 0 : 1;
                }
                default -> {
                    Path keep = o.containsKey("out") ? Path.of(o.get("out")) : null;
                    yield generateAndLoad(profile, seed, referenceDate, branches, loadOptions, keep, out).allMatch() ? 0 : 1;
                }
            };
        } catch (UsageException e) {
            err.println("citysim: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (CityLoader.LoadFailedException e) {
            err.println("citysim: load failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("citysim: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("citysim: interrupted");
            return 1;
        }
    }

    /** {@code meetings-year} (generate only) and {@code meetings-year-load} (generate and record). */
    private static int meetingYear(String command, Map<String, String> o, CityProfile profile, long seed,
                                   LocalDate referenceDate, int branches, URI base, TokenSource tokens, PrintStream out)
            throws IOException, InterruptedException {
        Duration settle = Duration.ofSeconds(o.containsKey("settle") ? parseLong("settle", o.get("settle")) : 30);
        int concurrency = o.containsKey("concurrency") ? (int) parseLong("concurrency", o.get("concurrency"))
                : MeetingYearLoader.DEFAULT_CONCURRENCY;
        if (concurrency < 1) {
            throw new UsageException("--concurrency must be at least 1");
        }
        MeetingYearGenerator generator = generator(o, profile, seed, referenceDate, branches);
        int year = generator.year();
        Path yearFile = o.containsKey("out") ? Path.of(o.get("out")) : null;
        Path truthFile = o.containsKey("truth") ? Path.of(o.get("truth")) : null;
        try (OutputStream yearOut = yearFile == null ? OutputStream.nullOutputStream() : Files.newOutputStream(yearFile);
             OutputStream truthOut = truthFile == null ? OutputStream.nullOutputStream() : Files.newOutputStream(truthFile);
             MeetingYearGenerator.YearFiles files = generator.files(yearOut, truthOut)) {
            if (command.equals("meetings-year")) {
                Iterator<BranchYear> years = generator.branchYears();
                while (years.hasNext()) {
                    files.write(years.next());
                }
                files.summary().print(out);
                return 0;
            }
            MeetingYearLoader.Options options = MeetingYearLoader.Options.defaults(base).withConcurrency(concurrency)
                    .withTokens(tokens);
            MeetingYearLoader loader = new MeetingYearLoader(options, out);
            YearLoadReport report = loader.load(generator, files);
            files.summary().print(out);
            if (!report.ok() || !o.containsKey("check")) {
                return report.ok() ? 0 : 1;
            }
            try (YearCheck check = new YearCheck(options, out)) {
                check.awaitQuiet(unit(o), settle);
                return checked(check, year, true, unit(o), loader.ids(), files.findings());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * {@code meetings-year-check}: the ids of the city's branches and members, the year's periods closed, every
     * finding compared with the ground truth file.
     */
    private static int meetingYearCheck(Map<String, String> o, CityProfile profile, long seed, LocalDate referenceDate,
                                        int branches, URI base, TokenSource tokens, PrintStream out)
            throws IOException, InterruptedException {
        int year = year(o, referenceDate);
        Path truthFile = Path.of(o.get("truth"));
        if (!Files.isReadable(truthFile)) {
            throw new UsageException("cannot read " + truthFile);
        }
        List<Finding> truth = Finding.read(truthFile);
        CityRolls city = CityRolls.generate(profile, seed, referenceDate).firstBranches(branches);
        MeetingYearLoader.Options options = MeetingYearLoader.Options.defaults(base).withTokens(tokens);
        PlatformIds ids = new MeetingYearLoader(options, out).findIds(city);
        try (YearCheck check = new YearCheck(options, out)) {
            return checked(check, year, !o.containsKey("no-close"), unit(o), ids, truth);
        }
    }

    /**
     * {@code ratings-check}: the year generated again (as {@code meetings-year} would), the ids of its branches and
     * members, the rating year closed, every final rating compared with what the ground truth implies.
     */
    private static int ratingsCheck(Map<String, String> o, CityProfile profile, long seed, LocalDate referenceDate,
                                    int branches, URI base, TokenSource tokens, PrintStream out)
            throws IOException, InterruptedException {
        int shown = o.containsKey("shown") ? (int) parseLong("shown", o.get("shown")) : 10;
        MeetingYearGenerator generator = generator(o, profile, seed, referenceDate, branches);
        MeetingYearLoader.Options options = MeetingYearLoader.Options.defaults(base).withTokens(tokens);
        PlatformIds ids = new MeetingYearLoader(options, out).findIds(generator.city());
        try (RatingCheck check = new RatingCheck(options, out)) {
            // off by default: the city's scorecard holds every branch-year in evaluation's memory (see the README)
            Duration settle = Duration.ofSeconds(o.containsKey("settle") ? parseLong("settle", o.get("settle")) : 0);
            return check.run(generator, ids, !o.containsKey("no-close"), Thresholds.defaults(), shown, unit(o), settle).ok()
                    ? 0 : 1;
        }
    }

    /** The year of {@code meetings-year} for these options; a year or shares the generator refuses is a usage error. */
    private static MeetingYearGenerator generator(Map<String, String> o, CityProfile profile, long seed,
                                                  LocalDate referenceDate, int branches) {
        int year = year(o, referenceDate);
        try {
            MeetingYearGenerator.checkYear(year, referenceDate);
            AnomalyShares shares = o.containsKey("shares") ? AnomalyShares.parse(o.get("shares")) : AnomalyShares.defaults();
            CityRolls city = CityRolls.generate(profile, seed, referenceDate).firstBranches(branches);
            return new MeetingYearGenerator(city, seed, year, referenceDate, shares);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Closes the year (when asked) and compares: 0 when every close answered and the findings equal the truth. */
    private static int checked(YearCheck check, int year, boolean close, String unit, PlatformIds ids, List<Finding> truth)
            throws IOException, InterruptedException {
        boolean closed = !close || check.closeYear(year).stream().allMatch(YearCheck.Closed::ok);
        return check.compare(unit, ids, truth).exact() && closed ? 0 : 1;
    }

    private static int year(Map<String, String> o, LocalDate referenceDate) {
        return o.containsKey("year") ? (int) parseLong("year", o.get("year")) : MeetingYearGenerator.defaultYear(referenceDate);
    }

    private static String unit(Map<String, String> o) {
        return o.getOrDefault("unit", HaiPhong.CODE);
    }

    /** A command's own options and the login options every command that calls the platform takes. */
    private static Set<String> withLogin(String... names) {
        Set<String> all = new java.util.HashSet<>(Set.of(names));
        all.addAll(Set.of("token-url", "user", "password"));
        return all;
    }

    private static Credentials credentials(Map<String, String> o) {
        URI tokenUrl = o.containsKey("token-url") ? parseUrl("token-url", o.get("token-url")) : Credentials.DEFAULT_TOKEN_URL;
        return new Credentials(tokenUrl, Credentials.DEFAULT_CLIENT, o.getOrDefault("password", Credentials.DEMO_PASSWORD));
    }

    /** {@code --name value} or {@code --name=value} pairs after the command; unknown or repeated names are errors. */
    private static Map<String, String> options(String[] args, Set<String> allowed, Set<String> required) {
        return options(args, allowed, Set.of(), required);
    }

    /** As above, where each of {@code flags} stands alone ({@code --check}) and is kept with the value "true". */
    private static Map<String, String> options(String[] args, Set<String> allowed, Set<String> flags, Set<String> required) {
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (flags.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name + " for " + args[0]);
            }
            if (found.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        for (String name : required) {
            if (!found.containsKey(name)) {
                throw new UsageException(args[0] + " needs --" + name);
            }
        }
        return found;
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not " + value);
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--reference-date must be YYYY-MM-DD, not " + value);
        }
    }

    private static URI parseBase(String value) {
        return parseUrl("base", value);
    }

    private static URI parseUrl(String name, String value) {
        try {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + " must be an http(s) URL such as http://localhost:8080, not " + value);
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
