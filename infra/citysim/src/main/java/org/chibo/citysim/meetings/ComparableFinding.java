package org.chibo.citysim.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A finding as the ground truth and the platform can both state it: the rule, the natural key of what it is about
 * ({@code <branch code> <heldOn>} for a meeting, {@code <branch code> <period>} for a month or a quarter,
 * {@code <branch code> <year> <card number>} for a member) and the figures both sides give, in the truth's words. Two
 * findings are the same when all three are equal.
 *
 * <p>The platform's evidence names some figures differently, and R-G5 names the parts of the minutes as the
 * inspection service groups them (one {@code resolution}, one {@code signatures} for either signature); a figure the
 * service does not give (the meeting's type) is left out on both sides.
 *
 * @param source the platform's finding id, or the truth's line, to show when it is missing or extra
 */
public record ComparableFinding(String rule, String key, Map<String, Object> figures, String source) {

    /** Unknown to this city (another branch or member): shown as the platform's id, so it never matches. */
    private static final String UNKNOWN = "?";

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparableFinding f && rule.equals(f.rule) && key.equals(f.key) && figures.equals(f.figures);
    }

    @Override
    public int hashCode() {
        return rule.hashCode() * 31 * 31 + key.hashCode() * 31 + figures.hashCode();
    }

    @Override
    public String toString() {
        return rule + " " + key + " " + figures + " (" + source + ")";
    }

    /** A line of the ground truth. */
    static ComparableFinding ofTruth(Finding t) {
        String about = t.heldOn() != null ? t.heldOn().toString()
                : t.cardNumber() != null ? t.period() + " " + t.cardNumber() : t.period();
        Map<String, Object> figures = new LinkedHashMap<>();
        t.figures().forEach((name, value) -> figures.put(name, comparable(value)));
        if (t.rule().equals("R-G5")) {
            figures.put("missing", serviceParts(figures.get("missing")));
        }
        return new ComparableFinding(t.rule(), t.branchCode() + " " + about, figures, t.toJson());
    }

    /** A finding as {@code GET /api/v1/findings} answers it, its ids turned back into codes and card numbers. */
    static ComparableFinding ofPlatform(JsonNode f, PlatformIds ids) {
        String rule = f.path("ruleId").asString();
        String id = f.path("id").asString();
        JsonNode evidence = f.path("evidence");
        String branchId = f.path("branchId").asString();
        String branch = known(ids.branchCode(branchId), branchId);
        String about = switch (rule) {
            case "R-P1", "R-P2" -> evidence.hasNonNull("period") ? evidence.path("period").asString() : id.substring(id.lastIndexOf(':') + 1);
            case "R-M1", "R-M2", "R-M3" -> {
                String memberId = f.path("memberIds").path(0).asString("");
                yield evidence.path("year").asString() + " " + known(ids.cardNumber(memberId), memberId);
            }
            default -> f.path("occurredOn").asString();
        };
        Map<String, Object> figures = new LinkedHashMap<>();
        switch (rule) {
            case "R-G1" -> {
                figures.put("presentOfficial", number(evidence, "presentOfficial"));
                figures.put("official", number(evidence, "expectedOfficial"));
            }
            case "R-G2" -> {
                figures.put("present", number(evidence, "present"));
                figures.put("expected", number(evidence, "expected"));
            }
            case "R-G3" -> {
                figures.put("inFavour", number(evidence, "inFavour"));
                figures.put("official", number(evidence, "officialMembers"));
            }
            case "R-G4" -> {
                figures.put("voters", number(evidence, "votesCast"));
                figures.put("presentOfficial", number(evidence, "officialPresent"));
            }
            case "R-G5" -> figures.put("missing", texts(evidence.path("missing")));
            case "R-G6" -> figures.put("minutes", number(evidence, "minutes"));
            case "R-G7" -> {
                figures.put("closedOn", evidence.path("closedOn").asString());
                figures.put("days", number(evidence, "days"));
            }
            case "R-M1" -> {
                figures.put("months", texts(evidence.path("months")));
                figures.put("absences", (long) evidence.path("meetingIds").size());
            }
            case "R-M2" -> figures.put("months", texts(evidence.path("months")));
            case "R-G8" -> figures.put("restrictedMatters", texts(evidence.path("restrictedMatters")));
            case "R-M3" -> figures.put("cause", String.join(",", texts(evidence.path("because"))));
            default -> {
                // R-P1, R-P2, R-G9 and rules the truth never holds: the key says it all
            }
        }
        return new ComparableFinding(rule, branch + " " + about, figures, id + " " + f.path("status").asString());
    }

    /**
     * The truth's parts of the minutes as the service names them: {@code resolution.text} is its {@code resolution},
     * either signature its {@code signatures}; the order stays.
     */
    private static List<String> serviceParts(Object truthParts) {
        List<String> parts = new ArrayList<>();
        for (Object part : (List<?>) truthParts) {
            String name = switch (part.toString()) {
                case "resolution.text" -> "resolution";
                case "signedByChair", "signedByMinuteTaker" -> "signatures";
                default -> part.toString();
            };
            if (!parts.contains(name)) {
                parts.add(name);
            }
        }
        return parts;
    }

    private static Object comparable(Object value) {
        return value instanceof Integer i ? (Object) i.longValue() : value;
    }

    private static Object number(JsonNode evidence, String name) {
        JsonNode n = evidence.path(name);
        return n.isNumber() ? (Object) n.asLong() : UNKNOWN + n;
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String known(String name, String id) {
        return name != null ? name : UNKNOWN + id;
    }
}
