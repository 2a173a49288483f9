package org.chibo.citysim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference figures the synthetic city must reproduce exactly ({@code city-profile.json}, {@code city} object).
 * Read field by field rather than bound, so the file may carry other reported units without this class changing.
 */
public record CityProfile(String name, LocalDate asOf, int directCommittees, int grassrootsCommittees,
                          int totalBranches, int grassrootsBranches, int branchesUnderGrassrootsCommittees, int members) {

    public static final String RESOURCE = "/city-profile.json";

    public CityProfile {
        if (grassrootsBranches + branchesUnderGrassrootsCommittees != totalBranches) {
            throw new IllegalArgumentException("branches.total " + totalBranches + " is not grassrootsBranches "
                    + grassrootsBranches + " + branchesUnderGrassrootsCommittees " + branchesUnderGrassrootsCommittees);
        }
    }

    /** The profile bundled with this module (a copy of /work/shared/city-profile.json). */
    public static CityProfile bundled() {
        try (InputStream in = CityProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CityProfile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static CityProfile read(InputStream in) {
        JsonNode city = JsonMapper.builder().build().readTree(in).path("city");
        JsonNode branches = city.path("branches");
        return new CityProfile(
                required(city, "name").asString(),
                LocalDate.parse(required(city, "asOf").asString()),
                required(city, "directCommittees").asInt(),
                required(city, "grassrootsCommittees").asInt(),
                required(branches, "total").asInt(),
                required(branches, "grassrootsBranches").asInt(),
                required(branches, "branchesUnderGrassrootsCommittees").asInt(),
                required(city, "members").asInt());
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("city profile: field " + field + " is missing");
        }
        return value;
    }
}
