package org.chibo.citysim.meetings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chibo.citysim.BranchKind;
import org.chibo.citysim.CityGenerator;
import org.chibo.citysim.CityProfile;
import org.chibo.citysim.Member;
import org.chibo.citysim.Unit;
import org.chibo.citysim.UnitKind;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's branches and their rolls, read back from the bytes {@link CityGenerator} writes for the same seed
 * and reference date: the meeting year is generated against exactly the register that {@code citysim generate}
 * produces (and the platform holds after loading it), without a running platform and without a second copy of the
 * city's generation logic.
 */
public final class CityRolls {

    /** A branch (BRANCH or GRASSROOTS_BRANCH) and the members on its rolls, in the city file's order. */
    public record BranchRolls(Unit unit, List<Member> members) {
        public BranchRolls {
            members = List.copyOf(members);
        }

        public String code() {
            return unit.code();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<BranchRolls> branches;

    private CityRolls(List<BranchRolls> branches) {
        this.branches = List.copyOf(branches);
    }

    /** Generates the city for {@code seed} and {@code referenceDate} in memory and keeps its branches' rolls. */
    public static CityRolls generate(CityProfile profile, long seed, LocalDate referenceDate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 << 20);
        try {
            new CityGenerator(profile, seed, referenceDate).writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(bytes.toString(StandardCharsets.UTF_8));
    }

    static CityRolls parse(String cityFile) {
        Map<String, Unit> branchUnits = new LinkedHashMap<>();
        Map<String, List<Member>> rolls = new LinkedHashMap<>();
        cityFile.lines().filter(line -> !line.isBlank()).forEach(line -> {
            JsonNode n = JSON.readTree(line);
            if ("unit".equals(n.path("record").asString())) {
                UnitKind kind = UnitKind.valueOf(n.path("kind").asString());
                if (kind.holdsMembers() && n.path("dissolvedOn").isMissingNode()) {
                    Unit unit = new Unit(n.path("code").asString(), n.path("name").asString(), kind,
                            n.path("parentCode").asString(null), BranchKind.valueOf(n.path("branchKind").asString()),
                            n.path("meetingDay").isNumber() ? n.path("meetingDay").asInt() : null);
                    branchUnits.put(unit.code(), unit);
                    rolls.put(unit.code(), new ArrayList<>());
                }
            } else {
                List<Member> roll = rolls.get(n.path("branchCode").asString());
                if (roll != null) {
                    roll.add(member(n));
                }
            }
        });
        List<BranchRolls> branches = new ArrayList<>(branchUnits.size());
        branchUnits.forEach((code, unit) -> branches.add(new BranchRolls(unit, rolls.get(code))));
        return new CityRolls(branches);
    }

    private static Member member(JsonNode n) {
        return new Member(n.path("cardNumber").asString(), n.path("fullName").asString(),
                Member.Gender.valueOf(n.path("gender").asString()), date(n, "birthDate"), n.path("branchCode").asString(),
                Member.Status.valueOf(n.path("status").asString()), date(n, "admittedOn"), date(n, "recognisedOn"));
    }

    private static LocalDate date(JsonNode n, String field) {
        String text = n.path(field).asString(null);
        return text == null ? null : LocalDate.parse(text);
    }

    public List<BranchRolls> branches() {
        return branches;
    }

    /** The first {@code n} branches (all of them when {@code n} is larger): a trial run over part of the city. */
    public CityRolls firstBranches(int n) {
        return n >= branches.size() ? this : new CityRolls(branches.subList(0, n));
    }

    public int members() {
        return branches.stream().mapToInt(b -> b.members().size()).sum();
    }
}
