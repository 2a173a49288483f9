package org.chibo.inspection.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chibo.inspection.rules.Meetings.meeting;

import java.time.LocalDate;
import java.util.List;

import org.chibo.inspection.rules.MemberRules.Absence;
import org.junit.jupiter.api.Test;

/** Periods, the calendar rules and the member rules as plain Java. */
class CalendarAndMemberRulesTest {

    @Test
    void periodsAreMonthsAndQuartersWithTheirFirstAndLastDay() {
        Period march = Period.parse("2025-03").orElseThrow();
        Period q1 = Period.parse("2025-Q1").orElseThrow();

        assertThat(march.isMonth()).isTrue();
        assertThat(march.start()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(march.end()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(q1.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(q1.end()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(Period.parse("2024-02").orElseThrow().end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(List.of(march.toString(), q1.toString())).containsExactly("2025-03", "2025-Q1");
        for (String malformed : new String[] {"2025-13", "2025-Q5", "2025-3", "25-03", "2025-00", "", "2025-03-01", "march"}) {
            assertThat(Period.parse(malformed)).as(malformed).isEmpty();
        }
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void theSchedulerClosesWhatEndedMoreThanTheGraceAgo() {
        // March ends on the 31st; with 7 days' grace it is due on 8 April, not on the 7th
        assertThat(Period.dueForClosing(LocalDate.of(2025, 4, 7), 7, LocalDate.of(2025, 1, 15)).stream().map(Period::toString))
                .containsExactly("2025-01", "2025-02");
        assertThat(Period.dueForClosing(LocalDate.of(2025, 4, 8), 7, LocalDate.of(2025, 1, 15)).stream().map(Period::toString))
                .containsExactly("2025-01", "2025-02", "2025-03", "2025-Q1");
    }

    @Test
    void aRegularMeetingOfTheWholeBranchFulfilsItsMonthAThematicOneItsQuarter() {
        assertThat(CalendarRules.fulfilledBy(meeting().build())).hasValue(Period.parse("2025-03").orElseThrow());
        assertThat(CalendarRules.fulfilledBy(meeting().scope("CELL").build())).isEmpty();
        assertThat(CalendarRules.fulfilledBy(meeting().scope(null).build())).hasValue(Period.parse("2025-03").orElseThrow());
        assertThat(CalendarRules.fulfilledBy(meeting().type("EXTRAORDINARY").period(null).build())).isEmpty();
        // the record's period counts (a meeting held early in April for March), and older records fall back on heldOn
        assertThat(CalendarRules.fulfilledBy(meeting().heldOn(LocalDate.of(2025, 4, 2)).period("2025-03").build()))
                .hasValue(Period.parse("2025-03").orElseThrow());
        assertThat(CalendarRules.fulfilledBy(meeting().heldOn(LocalDate.of(2025, 4, 2)).period(null).build()))
                .hasValue(Period.parse("2025-04").orElseThrow());
        assertThat(CalendarRules.fulfilledBy(meeting().type("THEMATIC").scope("CELL").period(null).topic("t").build()))
                .hasValue(Period.parse("2025-Q1").orElseThrow());
    }

    @Test
    void aBranchCountsForAPeriodUnlessDissolvedBeforeItBegan() {
        Period march = Period.parse("2025-03").orElseThrow();
        assertThat(CalendarRules.counts(null, march)).isTrue();
        assertThat(CalendarRules.counts(LocalDate.of(2025, 3, 1), march)).isTrue();
        assertThat(CalendarRules.counts(LocalDate.of(2025, 2, 28), march)).isFalse();
        assertThat(CalendarRules.findingId("b1", march)).isEqualTo("R-P1:b1:2025-03");
        assertThat(CalendarRules.findingId("b1", Period.parse("2025-Q1").orElseThrow())).isEqualTo("R-P2:b1:2025-Q1");
    }

    @Test
    void unexcusedAbsencesReachTheThresholdOnTheDayOfTheThirdDistinctMonth() {
        List<Absence> absences = List.of(absence("a", "2025-05-06"), absence("b", "2025-01-07"), absence("c", "2025-01-20"),
                absence("d", "2025-03-04"));

        // in the order held: January (twice), March, then May is the third month
        assertThat(MemberRules.thresholdReachedBy(absences, 3)).map(Absence::meetingId).hasValue("a");
        assertThat(MemberRules.thresholdReachedBy(absences.subList(1, 4), 3)).isEmpty();
        Breach breach = MemberRules.unexcusedAbsences("m1", 2025, absences, 3);
        assertThat(breach.evidence()).containsEntry("monthCount", 3).containsEntry("months", List.of("2025-01", "2025-03", "2025-05"));
        assertThat(breach.memberIds()).containsExactly("m1");
    }

    @Test
    void recognitionIsDueTwelveMonthsAndThirtyDaysAfterAdmission() {
        LocalDate due = MemberRules.recognitionDueBy(LocalDate.of(2024, 1, 15), 12, 30);

        assertThat(due).isEqualTo(LocalDate.of(2025, 2, 14));
        assertThat(MemberRules.overdueAt(due, LocalDate.of(2025, 2, 14))).isFalse();
        assertThat(MemberRules.overdueAt(due, LocalDate.of(2025, 2, 28))).isTrue();
    }

    private static Absence absence(String meetingId, String on) {
        return new Absence(meetingId, LocalDate.parse(on), "b1", "/b1/");
    }
}
