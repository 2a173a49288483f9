package org.chibo.meeting.overview;

import java.util.Collection;

/**
 * Where a branch stands with a period's meeting, the question a committee asks of every branch each month: nothing
 * on the calendar, scheduled, held (opened, minutes not yet closed), recorded — or only a cancelled one.
 */
public enum MonthStatus {
    NONE, CANCELLED, SCHEDULED, HELD, RECORDED;

    /** The furthest any of the branch's own meetings of {@code type} for {@code period} has come. */
    static MonthStatus of(Collection<MeetingCalendar.Entry> entries, String type, String period) {
        MonthStatus best = NONE;
        for (MeetingCalendar.Entry e : entries) {
            if (!type.equals(e.type()) || !period.equals(e.period()) || !"BRANCH".equals(e.scope())) {
                continue;
            }
            MonthStatus s = switch (e.status()) {
                case "RECORDED" -> RECORDED;
                case "OPEN" -> HELD;
                case "SCHEDULED" -> SCHEDULED;
                default -> CANCELLED;
            };
            if (s.ordinal() > best.ordinal()) {
                best = s;
            }
        }
        return best;
    }
}
