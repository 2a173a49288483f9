package org.chibo.identity.city;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chibo.citysim.CityGenerator;
import org.chibo.citysim.CityProfile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's units and members, generated in memory at start by citysim from the same seed and reference date
 * the devstack loads (about 2 s), so that any member can log in with their card number and every account's
 * organisation id is the one the platform gave the unit. The ids follow the membership import's rule: a unit's id is
 * the name-based UUID of {@code "unit:" + code}, a member's of {@code "member:" + cardNumber}.
 */
public final class DemoCityDirectory {

    /** A unit of the tree: only what a token needs. */
    public record CityUnit(String code, String name, String kind, String parentCode) {
        public String id() {
            return unitId(code);
        }
    }

    /** A member on a branch's roll. */
    public record CityMember(String cardNumber, String fullName, String branchCode) {
        public String id() {
            return memberId(cardNumber);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, CityUnit> units;
    private final Map<String, CityMember> members;
    private final Duration generatedIn;

    private DemoCityDirectory(Map<String, CityUnit> units, Map<String, CityMember> members, Duration generatedIn) {
        this.units = units;
        this.members = members;
        this.generatedIn = generatedIn;
    }

    public static DemoCityDirectory generate(long seed, LocalDate referenceDate) {
        long started = System.nanoTime();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 << 20);
        try {
            new CityGenerator(CityProfile.bundled(), seed, referenceDate).writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, CityUnit> units = new HashMap<>();
        Map<String, CityMember> members = new HashMap<>(200_000);
        bytes.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).forEach(line -> {
            JsonNode n = JSON.readTree(line);
            if ("unit".equals(n.path("record").asString())) {
                CityUnit unit = new CityUnit(n.path("code").asString(), n.path("name").asString(),
                        n.path("kind").asString(), n.path("parentCode").asString(null));
                units.put(unit.code(), unit);
            } else {
                CityMember member = new CityMember(n.path("cardNumber").asString(), n.path("fullName").asString(),
                        n.path("branchCode").asString());
                members.put(member.cardNumber(), member);
            }
        });
        return new DemoCityDirectory(Map.copyOf(units), members, Duration.ofNanos(System.nanoTime() - started));
    }

    public Optional<CityUnit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public Optional<CityMember> member(String cardNumber) {
        return Optional.ofNullable(members.get(cardNumber));
    }

    public int unitCount() {
        return units.size();
    }

    public int memberCount() {
        return members.size();
    }

    public Duration generatedIn() {
        return generatedIn;
    }

    /** The membership import's id of the unit with this code. */
    public static String unitId(String code) {
        return UUID.nameUUIDFromBytes(("unit:" + code).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The membership import's id of the member with this card number. */
    public static String memberId(String cardNumber) {
        return UUID.nameUUIDFromBytes(("member:" + cardNumber).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
