package org.chibo.citysim.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.chibo.citysim.BranchKind;
import org.chibo.citysim.Unit;

/**
 * When and where a branch meets in the year: a regular meeting every month on its fixed day (or, without one, near
 * a day of its habit, on a working day), a thematic meeting in one month of every quarter a week or so after that
 * month's regular one, at the hour the branch usually meets and at its usual place.
 */
final class MeetingCalendar {

    /** A meeting the branch plans: held unless an anomaly drops it. */
    record Slot(MeetingType type, String period, LocalDate heldOn, LocalTime startsAt, String place, String topic) {
        int month() {
            return heldOn.getMonthValue();
        }
    }

    private final int year;

    MeetingCalendar(int year) {
        this.year = year;
    }

    List<Slot> plan(Unit branch, SplittableRandom random) {
        BranchKind kind = branch.branchKind();
        int habit = 3 + random.nextInt(22);
        LocalTime startsAt = MeetingTexts.usualStart(kind, random);
        String place = MeetingTexts.place(branch);
        List<String> topics = MeetingTexts.topics(kind, random);
        List<Slot> slots = new ArrayList<>(16);
        LocalDate[] regularDays = new LocalDate[13];
        for (int month = 1; month <= 12; month++) {
            LocalDate day = branch.meetingDay() != null ? LocalDate.of(year, month, branch.meetingDay())
                    : workingDayNear(YearMonth.of(year, month), habit + random.nextInt(5) - 2, kind);
            regularDays[month] = day;
            slots.add(new Slot(MeetingType.REGULAR, YearMonth.of(year, month).toString(), day, startsAt, place, null));
        }
        for (int quarter = 1; quarter <= 4; quarter++) {
            int month = 3 * quarter - 2 + random.nextInt(3);
            LocalDate regular = regularDays[month];
            int gap = 7 + random.nextInt(6);
            int day = regular.getDayOfMonth() + gap <= 28 ? regular.getDayOfMonth() + gap : regular.getDayOfMonth() - gap;
            LocalDate heldOn = workingDayNear(YearMonth.of(year, month), Math.max(1, day), kind);
            if (heldOn.equals(regular)) {
                heldOn = heldOn.plusDays(heldOn.getDayOfMonth() < 20 ? 3 : -3);
            }
            slots.add(new Slot(MeetingType.THEMATIC, year + "-Q" + quarter, heldOn, startsAt, place, topics.get(quarter - 1)));
        }
        slots.sort(Comparator.comparing(Slot::heldOn).thenComparing(Slot::type));
        return slots;
    }

    /**
     * The day itself when the branch meets on it, else the next suitable one within the month (Sundays are out;
     * offices, schools and firms also keep off Saturdays), else the one before.
     */
    static LocalDate workingDayNear(YearMonth month, int dayOfMonth, BranchKind kind) {
        LocalDate day = month.atDay(Math.min(Math.max(dayOfMonth, 1), 28));
        for (int step = 0; step < 7; step++) {
            LocalDate later = day.plusDays(step);
            if (later.getMonth() == day.getMonth() && suits(later, kind)) {
                return later;
            }
            LocalDate earlier = day.minusDays(step);
            if (earlier.getMonth() == day.getMonth() && suits(earlier, kind)) {
                return earlier;
            }
        }
        return day;
    }

    private static boolean suits(LocalDate day, BranchKind kind) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return dow != DayOfWeek.SATURDAY || MeetingTexts.meetsInTheNeighbourhood(kind);
    }
}
