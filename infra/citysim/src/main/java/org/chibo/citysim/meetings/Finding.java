package org.chibo.citysim.meetings;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of the ground truth: a finding an inspection must raise. The natural key is {@code heldOn} and
 * {@code type} for a rule about one meeting, {@code period} ({@code 2025-03}, {@code 2025-Q2}) for a calendar rule,
 * {@code cardNumber} and {@code period} ({@code 2025}) for a rule about a member; {@code figures} are the numbers
 * behind it, in a fixed order. Unused key fields are null and left out of the line.
 */
public record Finding(String rule, String branchCode, LocalDate heldOn, MeetingType type, String period,
                      String cardNumber, Map<String, Object> figures) {

    /** Rules in the order of the table in domain.md, which is also the order of a branch's findings in the file. */
    static final List<String> RULE_ORDER = List.of("R-P1", "R-P2", "R-G1", "R-G2", "R-G3", "R-G4", "R-G5", "R-G6",
            "R-G7", "R-G8", "R-G9", "R-M1", "R-M2", "R-M3");

    /** Within one branch: by rule, then by the key. Branches keep the order of the year file. */
    static final Comparator<Finding> WITHIN_BRANCH = Comparator.comparing((Finding f) -> RULE_ORDER.indexOf(f.rule))
            .thenComparing(f -> f.heldOn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.type, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.period, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.cardNumber, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> KEY_FIELDS = Set.of("rule", "branchCode", "heldOn", "type", "period", "cardNumber");

    public Finding {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    static Finding ofMeeting(String rule, GeneratedMeeting m, Map<String, Object> figures) {
        return new Finding(rule, m.branchCode(), m.heldOn(), m.type(), null, null, figures);
    }

    static Finding ofPeriod(String rule, String branchCode, String period) {
        return new Finding(rule, branchCode, null, null, period, null, Map.of());
    }

    static Finding ofMember(String rule, String branchCode, String cardNumber, int year, Map<String, Object> figures) {
        return new Finding(rule, branchCode, null, null, Integer.toString(year), cardNumber, figures);
    }

    /** Figures in the order given: {@code figures("present", 15, "expected", 19)}. */
    static Map<String, Object> figures(Object... namesAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return figures;
    }

    /** A line of a ground-truth file, read back: the key fields by name, every other field a figure, in order. */
    public static Finding parse(String line) {
        JsonNode n = JSON.readTree(line);
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : n.properties()) {
            if (!KEY_FIELDS.contains(field.getKey())) {
                JsonNode value = field.getValue();
                figures.put(field.getKey(), value.isInt() ? (Object) value.asInt()
                        : value.isArray() ? value.valueStream().map(JsonNode::asString).toList() : value.asString());
            }
        }
        return new Finding(n.path("rule").asString(), n.path("branchCode").asString(),
                n.hasNonNull("heldOn") ? LocalDate.parse(n.path("heldOn").asString()) : null,
                n.hasNonNull("type") ? MeetingType.valueOf(n.path("type").asString()) : null,
                n.path("period").asString(null), n.path("cardNumber").asString(null), figures);
    }

    /** Every line of a ground-truth file. */
    public static List<Finding> read(Path truthFile) throws IOException {
        try (Stream<String> lines = Files.lines(truthFile, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).map(Finding::parse).toList();
        }
    }

    /** The line as written to the ground-truth file (without the line end). */
    public String toJson() {
        StringWriter text = new StringWriter(160);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringProperty("rule", rule);
            g.writeStringProperty("branchCode", branchCode);
            if (heldOn != null) {
                g.writeStringProperty("heldOn", heldOn.toString());
            }
            if (type != null) {
                g.writeStringProperty("type", type.name());
            }
            if (period != null) {
                g.writeStringProperty("period", period);
            }
            if (cardNumber != null) {
                g.writeStringProperty("cardNumber", cardNumber);
            }
            figures.forEach((name, value) -> {
                g.writeName(name);
                switch (value) {
                    case Integer i -> g.writeNumber(i);
                    case String s -> g.writeString(s);
                    case List<?> list -> {
                        g.writeStartArray();
                        list.forEach(item -> g.writeString(item.toString()));
                        g.writeEndArray();
                    }
                    default -> g.writeString(value.toString());
                }
            });
            g.writeEndObject();
        }
        return text.toString();
    }
}
