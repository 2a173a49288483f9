package org.chibo.membership.member;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days are Monday to Friday. Public holidays are not counted out yet (see the service README). */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static LocalDate after(LocalDate start, int workingDays) {
        LocalDate day = start;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
