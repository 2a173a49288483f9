package org.chibo.citysim.meetings;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.function.UnaryOperator;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A meeting as JSON, in one of two shapes that differ only in how they name the branch and the members: the year
 * file's line (codes and card numbers, plus the period and each attendee's status and exemption on the day, which
 * an inspection needs) and the body of {@code POST /api/v1/meetings} (the platform's ids, exactly the fields that
 * endpoint takes). Fields are written in a fixed order, so the same meeting always gives the same bytes.
 */
final class MeetingJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MeetingJson() {
    }

    /** The year file's {@code "record":"meeting"} line, without the line end. */
    static String fileLine(GeneratedMeeting m) {
        return write(m, false, m.branchCode(), UnaryOperator.identity());
    }

    /** The request body, with {@code branchId} and {@code memberId} giving the platform's ids. */
    static String requestBody(GeneratedMeeting m, String branchId, UnaryOperator<String> memberId) {
        return write(m, true, branchId, memberId);
    }

    private static String write(GeneratedMeeting m, boolean request, String branch, UnaryOperator<String> member) {
        String memberField = request ? "memberId" : "cardNumber";
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            if (!request) {
                g.writeStringProperty("record", "meeting");
            }
            g.writeStringProperty(request ? "branchId" : "branchCode", branch);
            g.writeStringProperty("type", m.type().name());
            g.writeStringProperty("mode", m.mode());
            g.writeStringProperty("scope", GeneratedMeeting.SCOPE);
            if (!request) {
                g.writeStringProperty("period", m.period());
            }
            g.writeStringProperty("heldOn", m.heldOn().toString());
            g.writeStringProperty("startedAt", m.startedAt().toString());
            g.writeStringProperty("endedAt", m.endedAt().toString());
            g.writeStringProperty("place", m.place());
            if (m.topic() != null) {
                g.writeStringProperty("topic", m.topic());
            }
            g.writeStringProperty("closedOn", m.closedOn().toString());
            g.writeName("attendance");
            g.writeStartArray();
            for (GeneratedMeeting.Attendee a : m.attendance()) {
                g.writeStartObject();
                g.writeStringProperty(memberField, member.apply(a.cardNumber()));
                if (!request) {
                    g.writeStringProperty("memberStatus", a.memberStatus());
                    if (a.exempt()) {
                        g.writeBooleanProperty("exempt", true);
                    }
                }
                g.writeStringProperty("status", a.status().name());
                if (request || a.reason() != null) {
                    g.writeStringProperty("reason", a.reason());
                }
                if (request) {
                    g.writeNullProperty("arrivedAt");
                    g.writeNullProperty("leftAt");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("vote");
            g.writeStartObject();
            g.writeNumberProperty("inFavour", m.vote().inFavour());
            g.writeNumberProperty("against", m.vote().against());
            g.writeNumberProperty("abstained", m.vote().abstained());
            g.writeEndObject();
            writeMinutes(g, m.minutes(), request, memberField, member);
            if (!m.restrictedMatters().isEmpty()) { // left out when none, so the year's other lines keep their bytes
                g.writeName("restrictedMatters");
                g.writeStartArray();
                m.restrictedMatters().forEach(g::writeString);
                g.writeEndArray();
            }
            g.writeStringProperty("reference", m.reference());
            g.writeEndObject();
        }
        return text.toString();
    }

    private static void writeMinutes(JsonGenerator g, GeneratedMeeting.Minutes minutes, boolean request, String memberField,
                                     UnaryOperator<String> member) {
        g.writeName("minutes");
        g.writeStartObject();
        g.writeStringProperty(request ? "chairId" : "chairCardNumber", mapped(minutes.chairCardNumber(), member));
        g.writeStringProperty(request ? "minuteTakerId" : "minuteTakerCardNumber", mapped(minutes.minuteTakerCardNumber(), member));
        g.writeName("contentItems");
        g.writeStartArray();
        for (String item : minutes.contentItems()) {
            g.writeString(item);
        }
        g.writeEndArray();
        g.writeStringProperty("conclusion", minutes.conclusion());
        g.writeName("resolution");
        g.writeStartObject();
        g.writeStringProperty("text", minutes.resolution().text());
        g.writeBooleanProperty("adopted", minutes.resolution().adopted());
        g.writeName("tasks");
        g.writeStartArray();
        for (GeneratedMeeting.Task t : minutes.resolution().tasks()) {
            g.writeStartObject();
            g.writeStringProperty(memberField, member.apply(t.cardNumber()));
            g.writeStringProperty("description", t.description());
            g.writeStringProperty("dueOn", t.dueOn().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeBooleanProperty("signedByChair", minutes.signedByChair());
        g.writeBooleanProperty("signedByMinuteTaker", minutes.signedByMinuteTaker());
        g.writeEndObject();
    }

    private static String mapped(String card, UnaryOperator<String> member) {
        return card == null ? null : member.apply(card);
    }

    /** The year file's first line: what generated it. */
    static String headerLine(long seed, int year, LocalDate referenceDate, AnomalyShares shares, int branches) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringProperty("record", "year");
            g.writeNumberProperty("seed", seed);
            g.writeNumberProperty("year", year);
            g.writeStringProperty("referenceDate", referenceDate.toString());
            g.writeStringProperty("shares", shares.toString());
            g.writeNumberProperty("branches", branches);
            g.writeEndObject();
        }
        return text.toString();
    }

    /** A branch's first line: every branch of the year has one, meetings or not, so a reader knows them all. */
    static String branchLine(CityRolls.BranchRolls branch) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringProperty("record", "branch");
            g.writeStringProperty("branchCode", branch.code());
            g.writeStringProperty("name", branch.unit().name());
            g.writeNumberProperty("members", branch.members().size());
            g.writeEndObject();
        }
        return text.toString();
    }

    /** The year file's {@code "record":"online-eligibility"} line: the branch approved for online meetings from a day. */
    static String onlineEligibilityLine(String branchCode, LocalDate from) {
        return onlineEligibility(branchCode, from);
    }

    /** The body of {@code PUT /api/v1/organisations/{id}/online-eligibility}: approved from a day, open-ended. */
    static String onlineEligibilityBody(LocalDate from) {
        return onlineEligibility(null, from);
    }

    private static String onlineEligibility(String branchCode, LocalDate from) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            if (branchCode != null) {
                g.writeStringProperty("record", "online-eligibility");
                g.writeStringProperty("branchCode", branchCode);
            } else {
                g.writeBooleanProperty("eligible", true);
            }
            g.writeStringProperty("from", from.toString());
            g.writeStringProperty("reason", ONLINE_REASON);
            g.writeEndObject();
        }
        return text.toString();
    }

    static final String ONLINE_REASON = "đảng viên thường xuyên đi công tác xa (03-HD/TW)";

    static String exemptionLine(Exemption e) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringProperty("record", "exemption");
            g.writeStringProperty("branchCode", e.branchCode());
            g.writeStringProperty("cardNumber", e.cardNumber());
            g.writeStringProperty("reason", e.reason());
            g.writeStringProperty("from", e.from().toString());
            g.writeStringProperty("until", e.until() == null ? null : e.until().toString());
            g.writeEndObject();
        }
        return text.toString();
    }

    /** The body of {@code POST /api/v1/members/{id}/exemption}. */
    static String exemptionBody(Exemption e) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringProperty("reason", e.reason());
            g.writeStringProperty("from", e.from().toString());
            g.writeStringProperty("until", e.until() == null ? null : e.until().toString());
            g.writeEndObject();
        }
        return text.toString();
    }

    /**
     * A collection sheet: the year file's {@code "record":"dues"} line, every row (card numbers, what was due, 0 for
     * nothing paid), or the body of {@code POST /api/v1/organisations/{id}/dues-sheets}, the rows with a payment only
     * (member ids; the due is membership's to compute).
     */
    static String duesSheet(DuesSheet sheet, UnaryOperator<String> memberId, boolean request) {
        StringWriter text = new StringWriter(128 * (sheet.rows().size() + 1));
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            if (!request) {
                g.writeStringProperty("record", "dues");
                g.writeStringProperty("branchCode", sheet.branchCode());
            }
            g.writeStringProperty("month", sheet.month().toString());
            g.writeName("rows");
            g.writeStartArray();
            for (DuesSheet.Row r : sheet.rows()) {
                if (request && !r.paid()) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringProperty(request ? "memberId" : "cardNumber", memberId.apply(r.cardNumber()));
                g.writeStringProperty("category", r.category());
                if (r.monthlyIncome() != null) {
                    g.writeNumberProperty("monthlyIncome", r.monthlyIncome());
                }
                if (!request) {
                    g.writeNumberProperty("due", r.due());
                }
                g.writeNumberProperty("amount", r.amount());
                if (r.paidOn() != null) {
                    g.writeStringProperty("paidOn", r.paidOn().toString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return text.toString();
    }
}
