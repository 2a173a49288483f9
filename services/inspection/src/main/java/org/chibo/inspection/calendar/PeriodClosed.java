package org.chibo.inspection.calendar;

/**
 * What closing a period (PeriodClosed) found.
 *
 * @param branchesChecked the branches that counted for the period (registered, not dissolved before it began)
 * @param findingsRaised  the findings the close raised: R-P1 or R-P2 for branches without the meeting, and R-M4/R-M5
 *                        for deadlines passed by the period's end
 * @param alreadyClosed   true when the period had been closed before: the figures are that close's, nothing was done
 */
public record PeriodClosed(String period, int branchesChecked, int findingsRaised, boolean alreadyClosed) {
}
