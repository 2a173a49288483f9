package org.chibo.citysim.ratings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A branch's figures for the year (README section 4): turnout over all its meetings, the months and quarters it
 * held a meeting for and those recorded on time, its open findings of any severity and the serious ones.
 */
final class BranchFigures {

    private Turnout turnout = new Turnout(0, 0);
    private final Set<String> monthsHeld = new TreeSet<>();
    private final Set<String> monthsOnTime = new TreeSet<>();
    private final Set<String> quartersHeld = new TreeSet<>();
    private final Set<String> quartersOnTime = new TreeSet<>();
    private int openFindings;
    private final List<String> openSeriousFindings = new ArrayList<>();

    void counted(boolean present) {
        turnout = turnout.plus(present);
    }

    /** A meeting fulfilling {@code period} (a month {@code 2025-03} or a quarter {@code 2025-Q1}). */
    void fulfils(String period, boolean onTime) {
        boolean quarter = period.contains("Q");
        (quarter ? quartersHeld : monthsHeld).add(period);
        if (onTime) {
            (quarter ? quartersOnTime : monthsOnTime).add(period);
        }
    }

    void openFinding(boolean serious, String findingName) {
        openFindings++;
        if (serious) {
            openSeriousFindings.add(findingName);
        }
    }

    Turnout turnout() {
        return turnout;
    }

    Set<String> monthsHeld() {
        return monthsHeld;
    }

    Set<String> monthsOnTime() {
        return monthsOnTime;
    }

    Set<String> quartersHeld() {
        return quartersHeld;
    }

    Set<String> quartersOnTime() {
        return quartersOnTime;
    }

    int openFindings() {
        return openFindings;
    }

    List<String> openSeriousFindings() {
        return List.copyOf(openSeriousFindings);
    }
}
