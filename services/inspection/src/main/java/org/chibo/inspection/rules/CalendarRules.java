package org.chibo.inspection.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chibo.contracts.meeting.MeetingRecorded;

/**
 * R-P1 and R-P2, judged when a period closes (PeriodClosed): a branch that recorded no regular meeting of the whole
 * branch in a month, or no thematic meeting in a quarter (Hướng dẫn 12-HD/BTCTW).
 */
public final class CalendarRules {

    public static final Rule NO_REGULAR_MEETING = new Rule("R-P1", 1, Severity.HIGH,
            "Hướng dẫn 12-HD/BTCTW (2018): sinh hoạt chi bộ thường kỳ mỗi tháng một lần");
    public static final Rule NO_THEMATIC_MEETING = new Rule("R-P2", 1, Severity.MEDIUM,
            "Hướng dẫn 12-HD/BTCTW (2018): sinh hoạt chuyên đề ít nhất mỗi quý một lần");

    private CalendarRules() {
    }

    /** The rule a period is judged by: a month by R-P1, a quarter by R-P2. */
    public static Rule ruleFor(Period period) {
        return period.isMonth() ? NO_REGULAR_MEETING : NO_THEMATIC_MEETING;
    }

    /**
     * The period a recorded meeting fulfils: a regular meeting of the whole branch its month, a thematic meeting (of any
     * scope) its quarter; an extraordinary meeting or a party cell's regular meeting none. The record's own
     * {@code period} counts when it has the right form; otherwise (older records) the period is derived from
     * {@code heldOn}.
     */
    public static Optional<Period> fulfilledBy(MeetingRecorded meeting) {
        Optional<Period> stated = Period.parse(meeting.period());
        boolean wholeBranch = meeting.scope() == null || "BRANCH".equals(meeting.scope());
        if ("REGULAR".equals(meeting.type()) && wholeBranch) {
            return stated.filter(Period::isMonth).or(() -> Optional.ofNullable(meeting.heldOn()).map(Period::monthOf));
        }
        if ("THEMATIC".equals(meeting.type())) {
            return stated.filter(p -> !p.isMonth()).or(() -> Optional.ofNullable(meeting.heldOn()).map(Period::quarterOf));
        }
        return Optional.empty();
    }

    /** A branch counts for a period unless it was dissolved before the period began. */
    public static boolean counts(LocalDate dissolvedOn, Period period) {
        return dissolvedOn == null || !dissolvedOn.isBefore(period.start());
    }

    public static String findingId(String branchId, Period period) {
        return ruleFor(period).findingId(branchId, period.toString());
    }

    public static Breach breach(Period period) {
        String what = period.isMonth() ? "regular meeting of the whole branch" : "thematic meeting";
        return new Breach("no " + what + " recorded for " + period, List.of(),
                Map.of("period", period.toString(), "from", period.start().toString(), "to", period.end().toString(),
                        "meetingsRecorded", 0));
    }
}
