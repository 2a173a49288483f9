package org.chibo.evaluation.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MemberRegisterTest {

    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);

    @Test
    void aMemberIsRatedInTheBranchTheyWereOnAtYearEndAndAPendingTransferKeepsTheOldOne() {
        MemberRegister m = new MemberRegister("a");
        m.joined("b-1", "/hp/d/g/b-1/", LocalDate.of(2020, 5, 1));
        m.leftBranch("b-1", LocalDate.of(2025, 6, 1));
        assertThat(m.ratedIn(2025)).map(MemberRegister.Spell::branchId).contains("b-1");

        m.joined("b-2", "/hp/d/g/b-2/", LocalDate.of(2025, 6, 20));
        assertThat(m.joined("b-2", "/hp/d/g/b-2/", LocalDate.of(2025, 6, 20))).isFalse();
        assertThat(m.ratedIn(2025)).map(MemberRegister.Spell::branchId).contains("b-2");
        assertThat(m.ratedIn(2019)).isEmpty();
    }

    @Test
    void aMemberWhoLeftThePartyByYearEndIsNotRated() {
        MemberRegister m = new MemberRegister("a");
        m.joined("b-1", "/p/", JAN);
        m.leftParty("DECEASED", LocalDate.of(2025, 12, 31));

        assertThat(m.ratedIn(2025)).isEmpty();
        assertThat(m.ratedIn(2024)).isEmpty();
    }

    @Test
    void unpaidMonthsAreThoseOnTheRollsWithoutTheFullDuesPaidEachPaymentCountedOnce() {
        MemberRegister m = new MemberRegister("a");
        m.joined("b-1", "/p/", LocalDate.of(2025, 10, 15));
        m.paid("p1", new MemberRegister.DuesPayment("2025-10", 20_000, 20_000));
        m.paid("p2", new MemberRegister.DuesPayment("2025-11", 10_000, 20_000));
        assertThat(m.paid("p2", new MemberRegister.DuesPayment("2025-11", 10_000, 20_000))).isFalse();

        assertThat(m.unpaidMonths(2025)).containsExactly("2025-11", "2025-12");
    }

    @Test
    void disciplineIsCountedInTheYearOfTheDecision() {
        MemberRegister m = new MemberRegister("a");
        m.disciplined(new MemberRegister.Discipline("REPRIMAND", LocalDate.of(2025, 3, 1), "b-1", null));
        m.disciplined(new MemberRegister.Discipline("REPRIMAND", LocalDate.of(2025, 3, 1), "b-1", null));

        assertThat(m.disciplinesIn(2025)).extracting(MemberRegister.Discipline::words).containsExactly("REPRIMAND on 2025-03-01");
        assertThat(m.disciplinesIn(2024)).isEmpty();
    }
}
