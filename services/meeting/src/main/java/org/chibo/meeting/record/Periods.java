package org.chibo.meeting.record;

import java.time.LocalDate;

/**
 * The calendar period a meeting counts for: a regular meeting (thường kỳ) is the month's, a thematic one (chuyên đề)
 * the quarter's (Hướng dẫn 12-HD/BTCTW); an extraordinary one counts for none.
 */
public final class Periods {

    private Periods() {
    }

    public static String of(MeetingType type, LocalDate day) {
        return switch (type) {
            case REGULAR -> "%04d-%02d".formatted(day.getYear(), day.getMonthValue());
            case THEMATIC -> "%04d-Q%d".formatted(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case EXTRAORDINARY -> null;
        };
    }

    /** Whether a meeting of {@code type} on {@code day} still counts for {@code period}. */
    static boolean contains(MeetingType type, String period, LocalDate day) {
        return period == null || period.equals(of(type, day));
    }
}
