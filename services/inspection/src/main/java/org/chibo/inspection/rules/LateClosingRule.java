package org.chibo.inspection.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chibo.chassis.time.BusinessDates;
import org.chibo.contracts.meeting.MeetingRecorded;

/**
 * R-G7: the minutes closed more than {@code maxDays} (7 by default) after the meeting. Measured by {@code closedOn}, the
 * date the minutes were signed; a record from before that field is measured by the business date it was recorded.
 */
public record LateClosingRule(int maxDays) implements MeetingRule {

    public static final Rule RULE = new Rule("R-G7", 1, Severity.LOW, "Practice: minutes closed within a week of the meeting");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        boolean closedOnGiven = meeting.closedOn() != null;
        LocalDate closed = closedOnGiven ? meeting.closedOn()
                : meeting.recordedAt() == null ? null : LocalDate.ofInstant(meeting.recordedAt(), BusinessDates.ZONE);
        if (closed == null || meeting.heldOn() == null) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(meeting.heldOn(), closed);
        if (days <= maxDays) {
            return Optional.empty();
        }
        return Optional.of(new Breach(
                "minutes closed %d days after the meeting (more than %d)".formatted(days, maxDays),
                List.of(),
                Map.of("heldOn", meeting.heldOn().toString(), "closedOn", closed.toString(),
                        "closedOnFrom", closedOnGiven ? "closedOn" : "recordedAt", "days", days, "maxDays", maxDays)));
    }
}
