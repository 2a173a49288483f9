package org.chibo.evaluation.rating;

import java.util.List;

/**
 * What the year's record says about a member, combined over every branch they sat in that year.
 *
 * @param unexcusedMonths     the distinct months ({@code 2025-03}) with an unexcused absence, sorted
 * @param unexcusedMeetingIds the meetings they were absent from without reason
 * @param disciplines         each disciplinary decision of the year, as words ("WARNING on 2025-05-02")
 * @param openSeriousFindingIds serious findings naming the member that were still open at the close
 * @param unpaidDuesMonths    months of the year on the rolls whose dues were not paid in full
 */
public record MemberYear(String memberId, int year, Turnout turnout, int excusedAbsences, int unexcusedAbsences,
                         List<String> unexcusedMonths, List<String> unexcusedMeetingIds, int tasksAssigned,
                         List<String> disciplines, List<String> openSeriousFindingIds, List<String> unpaidDuesMonths) {

    public MemberYear {
        unexcusedMonths = List.copyOf(unexcusedMonths);
        unexcusedMeetingIds = List.copyOf(unexcusedMeetingIds);
        disciplines = List.copyOf(disciplines);
        openSeriousFindingIds = List.copyOf(openSeriousFindingIds);
        unpaidDuesMonths = List.copyOf(unpaidDuesMonths);
    }
}
