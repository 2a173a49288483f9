package org.chibo.citysim.ratings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ratings as the evaluation service's listing answers them, made from what the oracle implies (the evidence says
 * what the oracle's names say, in the service's words), for the stub to serve and the tests to spoil one at a time.
 */
public final class ProposedRatings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProposedRatings() {
    }

    public static List<JsonNode> of(List<ExpectedRating> implied) {
        List<JsonNode> ratings = new ArrayList<>(implied.size());
        for (ExpectedRating e : implied) {
            List<Map<String, Object>> criteria = new ArrayList<>();
            for (ExpectedCriterion c : e.criteria()) {
                criteria.add(Map.of("name", c.name(), "met", c.met(),
                        "evidence", c.names().isEmpty() ? "none" : String.join("; ", c.names())));
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", e.subjectType() + ":" + e.subjectId() + ":2025");
            r.put("subjectType", e.subjectType().name());
            r.put("subjectId", e.subjectId());
            r.put("year", 2025);
            r.put("ratingUnitId", e.unitId());
            r.put("proposedRating", e.rating().name());
            r.put("finalRating", e.rating().name());
            r.put("stage", "PROPOSED");
            r.put("criteria", criteria);
            r.put("ruleSetVersion", e.subjectType() == ExpectedRating.SubjectType.MEMBER ? "124-QD-TW-2023/member-1"
                    : "124-QD-TW-2023/branch-1");
            ratings.add(JSON.valueToTree(r));
        }
        return ratings;
    }

    /** A copy of {@code rating} with {@code field} set to {@code value}. */
    public static JsonNode with(JsonNode rating, String field, String value) {
        ObjectNode copy = (ObjectNode) rating.deepCopy();
        copy.put(field, value);
        return copy;
    }

    /** A copy of {@code rating} whose criterion {@code name} has the evidence {@code evidence}. */
    public static JsonNode withEvidence(JsonNode rating, String name, String evidence) {
        ObjectNode copy = (ObjectNode) rating.deepCopy();
        copy.withArray("criteria").forEach(c -> {
            if (c.path("name").asString().equals(name)) {
                ((ObjectNode) c).put("evidence", evidence);
            }
        });
        return copy;
    }
}
