package org.chibo.inspection.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period the calendar rules judge: a month ({@code 2025-03}, regular meetings) or a quarter
 * ({@code 2025-Q1}, thematic meetings), written as the meeting service writes a meeting's {@code period}.
 *
 * @param month 1–12 for a month, 0 for a quarter
 * @param quarter 1–4 for a quarter, 0 for a month
 */
public record Period(int year, int month, int quarter) implements Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))");

    public static Optional<Period> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        return Optional.of(m.group(2) != null ? new Period(year, Integer.parseInt(m.group(2)), 0)
                : new Period(year, 0, Integer.parseInt(m.group(3))));
    }

    public static Period monthOf(LocalDate day) {
        return new Period(day.getYear(), day.getMonthValue(), 0);
    }

    public static Period quarterOf(LocalDate day) {
        return new Period(day.getYear(), 0, (day.getMonthValue() - 1) / 3 + 1);
    }

    public boolean isMonth() {
        return month != 0;
    }

    public LocalDate start() {
        return isMonth() ? LocalDate.of(year, month, 1) : LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The last day of the period. */
    public LocalDate end() {
        return isMonth() ? YearMonth.of(year, month).atEndOfMonth() : YearMonth.of(year, quarter * 3).atEndOfMonth();
    }

    /**
     * Every month, and every quarter, from the month of {@code from} on whose end plus {@code graceDays} lies before
     * {@code today}: what the scheduler closes, oldest first, a quarter after its last month.
     */
    public static List<Period> dueForClosing(LocalDate today, int graceDays, LocalDate from) {
        List<Period> due = new ArrayList<>();
        for (YearMonth ym = YearMonth.from(from); ym.atEndOfMonth().plusDays(graceDays).isBefore(today); ym = ym.plusMonths(1)) {
            due.add(monthOf(ym.atDay(1)));
            if (ym.getMonthValue() % 3 == 0) {
                due.add(quarterOf(ym.atDay(1)));
            }
        }
        return due;
    }

    @Override
    public int compareTo(Period other) {
        int byEnd = end().compareTo(other.end());
        return byEnd != 0 ? byEnd : Boolean.compare(!isMonth(), !other.isMonth());
    }

    @Override
    public String toString() {
        return isMonth() ? "%04d-%02d".formatted(year, month) : "%04d-Q%d".formatted(year, quarter);
    }
}
