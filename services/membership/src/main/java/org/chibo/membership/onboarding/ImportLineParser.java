package org.chibo.membership.onboarding;

import org.chibo.chassis.web.ProblemDetailsAdvice;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one line into a row, or says which field is wrong. Unknown fields are refused, never dropped silently. */
final class ImportLineParser {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    sealed interface Parsed {
    }

    record Row(int line, ImportRow row) implements Parsed {
    }

    record Bad(ImportReport.Rejection rejection) implements Parsed {
    }

    private ImportLineParser() {
    }

    static Parsed parse(int line, String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            if (!tree.isObject()) {
                return bad(line, "record", "a line must be one JSON object");
            }
            String record = tree.path("record").asString("");
            return switch (record) {
                case "unit" -> checked(line, JSON.treeToValue(tree, ImportRow.UnitRow.class));
                case "member" -> checked(line, JSON.treeToValue(tree, ImportRow.MemberRow.class));
                default -> bad(line, "record", "record must be \"unit\" or \"member\", not \"" + record + "\"");
            };
        } catch (JacksonException e) {
            String field = ProblemDetailsAdvice.path(e);
            return bad(line, field.isEmpty() ? "record" : field, e.getOriginalMessage());
        }
    }

    private static Parsed checked(int line, ImportRow.UnitRow u) {
        if (u.code() == null || !u.code().matches(ImportRow.CODE_PATTERN)) {
            return bad(line, "code", "code is required: 1 to 64 letters, digits, dots, dashes or underscores");
        }
        if (u.name() == null || u.name().isBlank() || u.name().length() > 200) {
            return bad(line, "name", "name is required, at most 200 characters");
        }
        if (u.kind() == null) {
            return bad(line, "kind", "kind is required");
        }
        if (u.meetingDay() != null && (u.meetingDay() < 1 || u.meetingDay() > 28)) {
            return bad(line, "meetingDay", "meetingDay must be between 1 and 28");
        }
        return new Row(line, u);
    }

    private static Parsed checked(int line, ImportRow.MemberRow m) {
        if (m.cardNumber() == null || !m.cardNumber().matches(ImportRow.CARD_PATTERN)) {
            return bad(line, "cardNumber", "cardNumber is required: 4 to 32 letters, digits or dashes");
        }
        if (m.fullName() == null || m.fullName().isBlank() || m.fullName().length() > 120) {
            return bad(line, "fullName", "fullName is required, at most 120 characters");
        }
        if (m.branchCode() == null || m.branchCode().isBlank()) {
            return bad(line, "branchCode", "branchCode is required");
        }
        if (m.cellCode() != null && !m.cellCode().matches(ImportRow.CODE_PATTERN)) {
            return bad(line, "cellCode", "cellCode, when given: 1 to 64 letters, digits, dots, dashes or underscores");
        }
        if (m.status() == null) {
            return bad(line, "status", "status is required");
        }
        if (m.admittedOn() == null) {
            return bad(line, "admittedOn", "admittedOn is required");
        }
        return new Row(line, m);
    }

    private static Bad bad(int line, String field, String reason) {
        return new Bad(new ImportReport.Rejection(line, field, reason));
    }
}
