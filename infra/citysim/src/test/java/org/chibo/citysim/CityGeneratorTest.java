package org.chibo.citysim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chibo.citysim.meetings.CityRolls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class CityGeneratorTest {

    static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);
    static final CityProfile PROFILE = CityProfile.bundled();
    static GeneratedCity city;

    @BeforeAll
    static void generate() {
        city = GeneratedCity.generate(42, REFERENCE);
    }

    @Test
    void theBundledProfileIsTheSharedOne() {
        assertThat(PROFILE.name()).isEqualTo("Đảng bộ thành phố Hải Phòng");
        assertThat(PROFILE.directCommittees()).isEqualTo(34);
        assertThat(PROFILE.grassrootsCommittees()).isEqualTo(580);
        assertThat(PROFILE.grassrootsBranches()).isEqualTo(676);
        assertThat(PROFILE.branchesUnderGrassrootsCommittees()).isEqualTo(5556);
        assertThat(PROFILE.totalBranches()).isEqualTo(6232);
        assertThat(PROFILE.members()).isEqualTo(128_874);
    }

    @Test
    void reproducesEveryProfileFigureExactly() {
        assertThat(city.count("CITY_COMMITTEE")).isEqualTo(1);
        assertThat(city.count("DIRECT_COMMITTEE")).isEqualTo(PROFILE.directCommittees());
        assertThat(city.count("GRASSROOTS_COMMITTEE")).isEqualTo(PROFILE.grassrootsCommittees());
        assertThat(city.count("GRASSROOTS_BRANCH")).isEqualTo(PROFILE.grassrootsBranches());
        assertThat(city.count("BRANCH")).isEqualTo(PROFILE.branchesUnderGrassrootsCommittees());
        assertThat(city.branches()).hasSize(PROFILE.totalBranches());
        assertThat(city.members).hasSize(PROFILE.members());
        // not in the profile: the documented choice of 150 partial committees holding 700 of the branches
        assertThat(city.count("PARTIAL_COMMITTEE")).isEqualTo(150);
        assertThat(city.units.stream().filter(u -> u.path("kind").asString().equals("BRANCH")
                && city.unitsByCode.get(u.path("parentCode").asString()).path("kind").asString().equals("PARTIAL_COMMITTEE")))
                .hasSize(700);
        assertThat(city.summary.check(PROFILE).allMatch()).isTrue();
        assertThat(city.summary.lines()).isEqualTo(city.lines.size());
        assertThat(city.summary.bytes()).isEqualTo(city.bytes.length);
    }

    @Test
    void aReducedCityIsTheWholeCitysLinesOfItsFirstBranchesTheirAncestorsCellsAndMembers() {
        GeneratedCity reduced = GeneratedCity.generate(new CityGenerator(PROFILE, 42, REFERENCE).firstBranches(80));

        List<String> branches = city.branches().stream().limit(80).map(b -> b.path("code").asString()).toList();
        assertThat(reduced.branches()).extracting(b -> b.path("code").asString()).containsExactlyElementsOf(branches);
        assertThat(CityRolls.generate(PROFILE, 42, REFERENCE).firstBranches(80).branches())
                .extracting(CityRolls.BranchRolls::code).as("the branches meetings-year --branches 80 takes")
                .containsExactlyElementsOf(branches);
        Set<String> kept = new HashSet<>(branches);
        for (String code : branches) {
            for (String parent = city.unitsByCode.get(code).path("parentCode").asString(null); parent != null;
                 parent = city.unitsByCode.get(parent).path("parentCode").asString(null)) {
                kept.add(parent);
            }
        }
        city.units.stream().filter(u -> u.path("kind").asString().equals("CELL") && branches.contains(u.path("parentCode").asString()))
                .forEach(cell -> kept.add(cell.path("code").asString()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < city.lines.size(); i++) {
            JsonNode n = i < city.units.size() ? city.units.get(i) : city.members.get(i - city.units.size());
            String code = n.path(i < city.units.size() ? "code" : "branchCode").asString();
            if (kept.contains(code)) {
                expected.add(city.lines.get(i));
            }
        }
        assertThat(reduced.lines).containsExactlyElementsOf(expected);
        assertThat(reduced.count("CELL")).isPositive();
        assertThat(reduced.count("CITY_COMMITTEE")).isEqualTo(1);

        CityProfile own = reduced.summary.asProfile(PROFILE, "its first 80 branches");
        assertThat(own.totalBranches()).isEqualTo(80);
        assertThat(own.members()).isEqualTo(reduced.members.size());
        assertThat(reduced.summary.check(own).allMatch()).isTrue();
        assertThat(reduced.summary.check(PROFILE).allMatch()).isFalse();
    }

    @Test
    void theDirectCommitteesCarryTheRealNames() {
        List<String> names = city.units.stream().filter(u -> u.path("kind").asString().equals("DIRECT_COMMITTEE"))
                .map(u -> u.path("name").asString()).toList();
        assertThat(names).startsWith("Quận ủy Hồng Bàng", "Quận ủy Lê Chân", "Quận ủy Ngô Quyền", "Quận ủy Kiến An",
                "Quận ủy Hải An", "Quận ủy Đồ Sơn", "Quận ủy Dương Kinh", "Huyện ủy Thủy Nguyên", "Huyện ủy An Dương",
                "Huyện ủy An Lão", "Huyện ủy Kiến Thụy", "Huyện ủy Tiên Lãng", "Huyện ủy Vĩnh Bảo",
                "Huyện ủy Cát Hải", "Huyện ủy Bạch Long Vĩ");
        assertThat(names).contains("Đảng ủy Khối các cơ quan thành phố", "Đảng ủy Khối Doanh nghiệp thành phố",
                "Đảng ủy Quân sự thành phố", "Đảng ủy Công an thành phố", "Đảng ủy Bộ đội Biên phòng thành phố",
                "Đảng ủy Cảng Hải Phòng");
        assertThat(new HashSet<>(names)).hasSize(34);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() {
        String first = GeneratedCity.sha256(city.bytes);
        assertThat(GeneratedCity.sha256(GeneratedCity.bytes(42, REFERENCE))).isEqualTo(first);
        assertThat(GeneratedCity.sha256(GeneratedCity.bytes(43, REFERENCE))).isNotEqualTo(first);
        assertThat(GeneratedCity.sha256(GeneratedCity.bytes(42, REFERENCE.plusYears(1)))).isNotEqualTo(first);
    }

    @Test
    void anotherSeedStillReproducesTheProfile() {
        GeneratedCity other = GeneratedCity.generate(7, LocalDate.of(2024, 6, 30));
        assertThat(other.summary.check(PROFILE).allMatch()).isTrue();
        assertThat(other.count("BRANCH")).isEqualTo(5556);
        assertThat(other.members).hasSize(128_874);
    }

    @Test
    void cardNumbersAreUniqueAndShaped() {
        List<String> cards = city.members.stream().map(m -> m.path("cardNumber").asString()).toList();
        assertThat(cards).allMatch(c -> c.matches("HP\\d{8}"));
        assertThat(new HashSet<>(cards)).hasSize(cards.size());
    }

    @Test
    void everyMemberIsOnTheRollsOfABranchThatExists() {
        for (JsonNode m : city.members) {
            JsonNode branch = city.unitsByCode.get(m.path("branchCode").asString());
            assertThat(branch).as(m.toString()).isNotNull();
            assertThat(branch.path("kind").asString()).isIn("BRANCH", "GRASSROOTS_BRANCH");
        }
    }

    @Test
    void unitsComeFirstAndEveryParentPrecedesItsChildren() {
        int firstMember = city.lines.indexOf(city.lines.stream().filter(l -> l.contains("\"record\":\"member\"")).findFirst().orElseThrow());
        assertThat(firstMember).isEqualTo(city.units.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode u : city.units) {
            String code = u.path("code").asString();
            String parent = u.path("parentCode").asString(null);
            if (u.path("kind").asString().equals("CITY_COMMITTEE")) {
                assertThat(parent).isNull();
                assertThat(code).isEqualTo("HP");
            } else {
                assertThat(seen).as(code).contains(parent);
                assertThat(code).startsWith(parent + ".");
            }
            assertThat(seen.add(code)).as("unique code " + code).isTrue();
            assertThat(code).matches("[A-Za-z0-9._-]{1,64}");
        }
    }

    @Test
    void kindsObeyTheTree() {
        Map<String, Set<String>> allowedParents = Map.of(
                "DIRECT_COMMITTEE", Set.of("CITY_COMMITTEE"),
                "GRASSROOTS_COMMITTEE", Set.of("DIRECT_COMMITTEE"),
                "GRASSROOTS_BRANCH", Set.of("DIRECT_COMMITTEE"),
                "PARTIAL_COMMITTEE", Set.of("GRASSROOTS_COMMITTEE"),
                "BRANCH", Set.of("GRASSROOTS_COMMITTEE", "PARTIAL_COMMITTEE"),
                "CELL", Set.of("BRANCH", "GRASSROOTS_BRANCH"));
        for (JsonNode u : city.units) {
            String kind = u.path("kind").asString();
            if (kind.equals("CITY_COMMITTEE")) {
                continue;
            }
            String parentKind = city.unitsByCode.get(u.path("parentCode").asString()).path("kind").asString();
            assertThat(allowedParents.get(kind)).as(u.toString()).contains(parentKind);
        }
    }

    @Test
    void cellsExistExactlyInBranchesOfMoreThanThirtyMembersAndHoldNoMembers() {
        Map<String, Integer> cellsPerBranch = new HashMap<>();
        city.units.stream().filter(u -> u.path("kind").asString().equals("CELL"))
                .forEach(c -> cellsPerBranch.merge(c.path("parentCode").asString(), 1, Integer::sum));
        assertThat(cellsPerBranch).isNotEmpty();
        for (JsonNode b : city.branches()) {
            String code = b.path("code").asString();
            int members = city.membersByBranch.getOrDefault(code, 0);
            int cells = cellsPerBranch.getOrDefault(code, 0);
            if (members > 30) {
                assertThat(cells).as(code + " with " + members + " members").isBetween(2, 4);
            } else {
                assertThat(cells).as(code + " with " + members + " members").isZero();
            }
        }
        assertThat(city.members).noneMatch(m -> m.path("branchCode").asString().contains(".T"));
    }

    @Test
    void everyBranchHasAtLeastThreeMembersAndAKind() {
        for (JsonNode b : city.branches()) {
            assertThat(city.membersByBranch.getOrDefault(b.path("code").asString(), 0)).as(b.toString()).isGreaterThanOrEqualTo(3);
            assertThat(b.path("branchKind").asString()).isIn("RESIDENTIAL_GROUP", "VILLAGE", "AGENCY", "ENTERPRISE",
                    "SCHOOL", "HEALTH", "ARMED_FORCES", "POLICE", "RETIREES");
        }
        assertThat(city.units).filteredOn(u -> !GeneratedCity.isBranch(u.path("kind").asString()))
                .allMatch(u -> !u.has("branchKind") && !u.has("meetingDay"));
        // residential groups and villages are the bulk, as in a real city
        Map<String, Long> kinds = city.branches().stream()
                .collect(Collectors.groupingBy(b -> b.path("branchKind").asString(), Collectors.counting()));
        assertThat(kinds.get("RESIDENTIAL_GROUP") + kinds.get("VILLAGE")).isGreaterThan(city.branches().size() / 4);
        assertThat(kinds.keySet()).hasSize(9);
    }

    @Test
    void aboutSeventyPercentOfBranchesHaveAMeetingDay() {
        List<JsonNode> withDay = city.branches().stream().filter(b -> b.has("meetingDay")).toList();
        assertThat(withDay).allMatch(b -> b.path("meetingDay").asInt() >= 1 && b.path("meetingDay").asInt() <= 28);
        assertThat((double) withDay.size() / city.branches().size()).isBetween(0.65, 0.75);
    }

    @Test
    void probationaryShareIsBetweenTwoAndFourPercent() {
        long probationary = city.members.stream().filter(m -> m.path("status").asString().equals("PROBATIONARY")).count();
        double share = (double) probationary / city.members.size();
        System.out.printf("probationary: %d of %d = %.2f%%%n", probationary, city.members.size(), 100 * share);
        assertThat(share).isBetween(0.02, 0.04);
    }

    @Test
    void datesFollowTheCharter() {
        for (JsonNode m : city.members) {
            LocalDate birth = LocalDate.parse(m.path("birthDate").asString());
            LocalDate admitted = LocalDate.parse(m.path("admittedOn").asString());
            int age = birth.until(REFERENCE).getYears();
            assertThat(age).as(m.toString()).isBetween(18, 95);
            assertThat(admitted).as(m.toString()).isAfterOrEqualTo(birth.plusYears(18)).isBeforeOrEqualTo(REFERENCE);
            if (m.path("status").asString().equals("PROBATIONARY")) {
                assertThat(admitted).as(m.toString()).isAfter(REFERENCE.minusMonths(12));
                assertThat(m.has("recognisedOn")).as(m.toString()).isFalse();
            } else {
                assertThat(m.path("status").asString()).isEqualTo("OFFICIAL");
                assertThat(admitted).as(m.toString()).isBeforeOrEqualTo(REFERENCE.minusMonths(12));
                LocalDate recognised = LocalDate.parse(m.path("recognisedOn").asString());
                assertThat(recognised).as(m.toString()).isAfterOrEqualTo(admitted.plusMonths(12))
                        .isBeforeOrEqualTo(admitted.plusMonths(12).plusWeeks(9)).isBeforeOrEqualTo(REFERENCE);
            }
        }
    }

    @Test
    void namesAreNfcAndVietnamese() {
        for (JsonNode m : city.members) {
            String name = m.path("fullName").asString();
            assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).as(name).isTrue();
            String[] parts = name.split(" ");
            assertThat(parts.length).as(name).isBetween(3, 4);
            assertThat(NameGenerator.FAMILY_NAMES).as(name).contains(parts[0]);
            assertThat(m.path("gender").asString()).isIn("MALE", "FEMALE");
            if (parts[1].equals("Thị")) {
                assertThat(m.path("gender").asString()).as(name).isEqualTo("FEMALE");
            }
            if (parts[1].equals("Văn")) {
                assertThat(m.path("gender").asString()).as(name).isEqualTo("MALE");
            }
        }
        for (JsonNode u : city.units) {
            assertThat(Normalizer.isNormalized(u.path("name").asString(), Normalizer.Form.NFC)).as(u.toString()).isTrue();
        }
        Map<String, Long> families = city.members.stream()
                .collect(Collectors.groupingBy(m -> m.path("fullName").asString().split(" ")[0], Collectors.counting()));
        double n = city.members.size();
        assertThat(families.get("Nguyễn") / n).isBetween(0.36, 0.40);
        assertThat(families.get("Trần") / n).isBetween(0.10, 0.12);
        assertThat(families.get("Lê") / n).isBetween(0.085, 0.105);
        long men = city.members.stream().filter(m -> m.path("gender").asString().equals("MALE")).count();
        assertThat(men / n).isBetween(0.50, 0.60);
    }

    @Test
    void everyLineIsOneCompactObjectWithOnlyTheDocumentedFields() {
        String text = new String(city.bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").doesNotContain("\r").doesNotContain("null");
        Set<String> unitFields = Set.of("record", "code", "name", "kind", "parentCode", "branchKind", "meetingDay");
        Set<String> memberFields = Set.of("record", "cardNumber", "fullName", "gender", "birthDate", "branchCode", "status",
                "admittedOn", "recognisedOn");
        for (JsonNode u : city.units) {
            assertThat(u.propertyNames()).isSubsetOf(unitFields).contains("record", "code", "name", "kind");
        }
        for (JsonNode m : city.members) {
            assertThat(m.propertyNames()).isSubsetOf(memberFields)
                    .contains("record", "cardNumber", "fullName", "gender", "birthDate", "branchCode", "status", "admittedOn");
        }
    }

    /** Prints how long the whole city takes (warm and cold runs differ); never asserts on time. */
    @Test
    void measuresGenerationTime() throws IOException {
        for (int run = 1; run <= 3; run++) {
            GenerationSummary s = new CityGenerator(PROFILE, 42, REFERENCE).writeTo(OutputStream.nullOutputStream());
            System.out.printf("generation run %d: %,d lines, %,d bytes in %d ms (%d processors)%n", run, s.lines(), s.bytes(),
                    s.elapsed().toMillis(), Runtime.getRuntime().availableProcessors());
        }
    }
}
