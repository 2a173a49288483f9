package org.chibo.citysim.ratings;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.chibo.citysim.meetings.GeneratedMeeting;

/**
 * A member's figures for the year, added up over every meeting of the year (in any branch) whose roster lists them
 * not exempt (README section 3): present, expected, excused, unexcused, the months of unexcused absences, tasks; and
 * the open serious findings naming them.
 */
final class MemberFigures {

    private Turnout turnout = new Turnout(0, 0);
    private int excused;
    private int unexcused;
    private final TreeSet<String> unexcusedMonths = new TreeSet<>();
    private int tasks;
    private final List<String> openSeriousFindings = new ArrayList<>();

    void attended(GeneratedMeeting.Attendee line, GeneratedMeeting meeting) {
        if (line.exempt()) {
            return;
        }
        turnout = turnout.plus(line.status() == GeneratedMeeting.Presence.PRESENT);
        switch (line.status()) {
            case ABSENT_EXCUSED -> excused++;
            case ABSENT_UNEXCUSED -> {
                unexcused++;
                unexcusedMonths.add(meeting.heldOn().toString().substring(0, 7));
            }
            case PRESENT -> { }
        }
    }

    void task() {
        tasks++;
    }

    void openSerious(String findingName) {
        openSeriousFindings.add(findingName);
    }

    Turnout turnout() {
        return turnout;
    }

    int excused() {
        return excused;
    }

    int unexcused() {
        return unexcused;
    }

    List<String> unexcusedMonths() {
        return List.copyOf(unexcusedMonths);
    }

    int tasks() {
        return tasks;
    }

    List<String> openSeriousFindings() {
        return List.copyOf(openSeriousFindings);
    }
}
