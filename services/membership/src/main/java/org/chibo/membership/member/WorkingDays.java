package org.chibo.membership.member;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days: Monday to Friday, less the public holidays the operator lists ({@code chibo.membership.holidays}:
 * the lunar ones, Tết and the Hùng Kings' day, move every year, so they are dates in configuration, not rules).
 */
public record WorkingDays(Set<LocalDate> holidays) {

    public WorkingDays {
        holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The day on which {@code workingDays} working days after {@code start} have passed. */
    public LocalDate after(LocalDate start, int workingDays) {
        LocalDate day = start;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
