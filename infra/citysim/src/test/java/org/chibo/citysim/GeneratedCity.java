package org.chibo.citysim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One generated city, read back from its bytes the way a consumer of the file would: line by line, as JSON. */
final class GeneratedCity {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final byte[] bytes;
    final GenerationSummary summary;
    final List<String> lines;
    final List<JsonNode> units = new ArrayList<>();
    final List<JsonNode> members = new ArrayList<>();
    final Map<String, JsonNode> unitsByCode = new LinkedHashMap<>();
    final Map<String, Integer> membersByBranch = new LinkedHashMap<>();

    private GeneratedCity(byte[] bytes, GenerationSummary summary) {
        this.bytes = bytes;
        this.summary = summary;
        this.lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            if (node.path("record").asString().equals("unit")) {
                units.add(node);
                unitsByCode.put(node.path("code").asString(), node);
            } else {
                members.add(node);
                membersByBranch.merge(node.path("branchCode").asString(), 1, Integer::sum);
            }
        }
    }

    static GeneratedCity generate(long seed, LocalDate referenceDate) {
        return generate(new CityGenerator(CityProfile.bundled(), seed, referenceDate));
    }

    static GeneratedCity generate(CityGenerator generator) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 << 20);
            GenerationSummary summary = generator.writeTo(out);
            return new GeneratedCity(out.toByteArray(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(long seed, LocalDate referenceDate) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 << 20);
            new CityGenerator(CityProfile.bundled(), seed, referenceDate).writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String kind) {
        return units.stream().filter(u -> u.path("kind").asString().equals(kind)).count();
    }

    List<JsonNode> branches() {
        return units.stream().filter(u -> isBranch(u.path("kind").asString())).toList();
    }

    static boolean isBranch(String kind) {
        return kind.equals("BRANCH") || kind.equals("GRASSROOTS_BRANCH");
    }
}
