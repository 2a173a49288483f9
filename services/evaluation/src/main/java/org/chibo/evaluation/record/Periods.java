package org.chibo.evaluation.record;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Calendar periods as the meeting and inspection services name them: {@code 2025-03} and {@code 2025-Q1}. */
public final class Periods {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    private Periods() {
    }

    public static boolean isMonth(String period) {
        return period != null && MONTH.matcher(period).matches();
    }

    public static boolean isQuarter(String period) {
        return period != null && QUARTER.matcher(period).matches();
    }

    public static String monthOf(LocalDate day) {
        return YearMonth.from(day).toString();
    }

    public static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    public static int yearOf(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }

    public static List<String> monthsOf(int year, int upToMonth) {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= upToMonth; m++) {
            months.add(YearMonth.of(year, m).toString());
        }
        return months;
    }

    public static List<String> quartersOf(int year, int upToQuarter) {
        List<String> quarters = new ArrayList<>();
        for (int q = 1; q <= upToQuarter; q++) {
            quarters.add(year + "-Q" + q);
        }
        return quarters;
    }
}
