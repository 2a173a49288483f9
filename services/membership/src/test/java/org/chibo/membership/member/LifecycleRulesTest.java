package org.chibo.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LifecycleRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final LocalDate ADMITTED = LocalDate.of(2025, 6, 1);

    @Test
    void recognitionNeedsAProbationaryMemberAndTwelveMonths() {
        assertThat(LifecycleRules.recognition(MemberStatus.PROBATIONARY, ADMITTED, LocalDate.of(2026, 6, 1), TODAY)).isNull();
        assertThat(LifecycleRules.recognition(MemberStatus.PROBATIONARY, ADMITTED, LocalDate.of(2026, 5, 31), TODAY).field())
                .isEqualTo("recognisedOn");
        assertThat(LifecycleRules.recognition(MemberStatus.PROBATIONARY, ADMITTED, LocalDate.of(2026, 12, 1), TODAY).field())
                .isEqualTo("recognisedOn");
        assertThat(LifecycleRules.recognition(MemberStatus.OFFICIAL, ADMITTED, LocalDate.of(2026, 6, 1), TODAY).field())
                .isEqualTo("status");
    }

    @Test
    void anExemptionNeedsAReasonAndDatesInOrder() {
        assertThat(LifecycleRules.exemption(new Exemption("tuổi cao", LocalDate.of(2026, 1, 1), null), ADMITTED)).isNull();
        assertThat(LifecycleRules.exemption(new Exemption(" ", LocalDate.of(2026, 1, 1), null), ADMITTED).field()).isEqualTo("reason");
        assertThat(LifecycleRules.exemption(new Exemption("ốm", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)), ADMITTED).field())
                .isEqualTo("until");
        assertThat(LifecycleRules.exemption(new Exemption("ốm", LocalDate.of(2020, 3, 1), null), ADMITTED).field()).isEqualTo("from");
    }

    @Test
    void aTransferIsIssuedOnceAndReceivedWhereThePapersSay() {
        Transfer papers = new Transfer(TransferKind.OFFICIAL, "b1", "b2", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 14));
        assertThat(LifecycleRules.transferOut(null, ADMITTED, LocalDate.of(2026, 11, 2), TODAY)).isNull();
        assertThat(LifecycleRules.transferOut(papers, ADMITTED, LocalDate.of(2026, 11, 3), TODAY).field()).isEqualTo("status");
        assertThat(LifecycleRules.transferOut(null, ADMITTED, LocalDate.of(2026, 12, 1), TODAY).field()).isEqualTo("issuedOn");
        assertThat(LifecycleRules.reception(null, "b2", LocalDate.of(2026, 11, 9), TODAY).field()).isEqualTo("status");
        assertThat(LifecycleRules.reception(papers, "b3", LocalDate.of(2026, 11, 9), TODAY).field()).isEqualTo("branchId");
        assertThat(LifecycleRules.reception(papers, "b2", LocalDate.of(2026, 11, 1), TODAY).field()).isEqualTo("receivedOn");
        assertThat(LifecycleRules.reception(papers, "b2", LocalDate.of(2026, 11, 9), TODAY)).isNull();
    }

    @Test
    void thirtyWorkingDaysSkipWeekends() {
        WorkingDays weekdays = new WorkingDays(java.util.Set.of());
        assertThat(weekdays.after(LocalDate.of(2026, 11, 2), 30)).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(weekdays.after(LocalDate.of(2026, 11, 6), 1)).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void publicHolidaysAreNotWorkingDays() {
        // Reunification Day and Labour Day fall on a Thursday and a Friday in 2026
        WorkingDays withHolidays = new WorkingDays(MemberService.parseHolidays("2026-04-30, 2026-05-01"));
        assertThat(withHolidays.after(LocalDate.of(2026, 4, 29), 1)).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(new WorkingDays(java.util.Set.of()).after(LocalDate.of(2026, 4, 29), 1)).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThatThrownBy(() -> MemberService.parseHolidays("2026-13-01")).hasMessageContaining("2026-13-01 is not a date");
    }

    @Test
    void nothingChangesForAMemberWhoLeftAndDecisionsAreDatedSensibly() {
        assertThat(LifecycleRules.onRolls(null)).isNull();
        assertThat(LifecycleRules.onRolls(new Departure(DepartureReason.DECEASED, LocalDate.of(2026, 1, 1), null)).field()).isEqualTo("status");
        assertThat(LifecycleRules.decisionDate("decidedOn", LocalDate.of(2025, 1, 1), ADMITTED, TODAY).field()).isEqualTo("decidedOn");
        assertThat(LifecycleRules.decisionDate("decidedOn", LocalDate.of(2026, 12, 1), ADMITTED, TODAY).field()).isEqualTo("decidedOn");
        assertThat(LifecycleRules.decisionDate("decidedOn", LocalDate.of(2026, 7, 1), ADMITTED, TODAY)).isNull();
    }
}
