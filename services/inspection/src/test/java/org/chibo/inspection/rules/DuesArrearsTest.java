package org.chibo.inspection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.chibo.inspection.rules.DuesArrears.Exemption;
import org.chibo.inspection.rules.DuesArrears.MemberDues;
import org.chibo.inspection.rules.DuesArrears.Payment;
import org.chibo.inspection.rules.DuesArrears.RollStep;
import org.chibo.inspection.rules.MemberRules.RemovalGround;
import org.junit.jupiter.api.Test;

/** R-M2 as plain Java: which months a member owes, which are paid, and where the threshold of 3 is reached. */
class DuesArrearsTest {

    private static final int YEAR = 2025;
    private static final YearMonth DECEMBER = YearMonth.of(YEAR, 12);
    private static final Map<String, YearMonth> KEPT = Map.of("B", YearMonth.of(YEAR, 1), "B2", YearMonth.of(YEAR, 1));
    private static final List<RollStep> ALL_YEAR = List.of(new RollStep(LocalDate.of(2010, 5, 2), 0, "B"));

    /** Paid in full every month of the year but {@code skipped}. */
    private static List<Payment> paidExcept(int... skipped) {
        List<Payment> paid = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            int month = m;
            if (Arrays.stream(skipped).noneMatch(s -> s == month)) {
                paid.add(payment(m, 50_000, 50_000));
            }
        }
        return paid;
    }

    private static Payment payment(int month, long amount, long due) {
        return new Payment("p" + month + "-" + amount, YearMonth.of(YEAR, month), amount, due, LocalDate.of(YEAR, month, 10));
    }

    private static List<String> unpaid(MemberDues dues, YearMonth through) {
        return DuesArrears.unpaid(dues, YEAR, through, KEPT).stream().map(YearMonth::toString).toList();
    }

    @Test
    void twoUnpaidMonthsAreNotABreachAndTheThirdReachesIt() {
        MemberDues two = new MemberDues(ALL_YEAR, List.of(), paidExcept(2, 7));
        MemberDues three = new MemberDues(ALL_YEAR, List.of(), paidExcept(2, 7, 11));

        assertThat(DuesArrears.reachedWith(DuesArrears.unpaid(two, YEAR, DECEMBER, KEPT), 3)).isEmpty();
        assertThat(DuesArrears.reachedWith(DuesArrears.unpaid(three, YEAR, DECEMBER, KEPT), 3)).contains(YearMonth.of(YEAR, 11));
        assertThat(unpaid(three, DECEMBER)).containsExactly("2025-02", "2025-07", "2025-11");
    }

    @Test
    void onlyTheMonthsClosedAreJudged() {
        MemberDues dues = new MemberDues(ALL_YEAR, List.of(), paidExcept(2, 7, 11));

        assertThat(unpaid(dues, YearMonth.of(YEAR, 10))).containsExactly("2025-02", "2025-07");
        assertThat(DuesArrears.reachedWith(DuesArrears.unpaid(dues, YEAR, YearMonth.of(YEAR, 10), KEPT), 3)).isEmpty();
    }

    @Test
    void aPartialPaymentLeavesTheMonthInArrearsUntilTheRestIsPaid() {
        List<Payment> payments = new ArrayList<>(paidExcept(3, 4, 5));
        payments.add(payment(3, 50_000, 50_000));
        payments.add(payment(4, 20_000, 50_000));
        MemberDues partial = new MemberDues(ALL_YEAR, List.of(), payments);
        assertThat(unpaid(partial, DECEMBER)).containsExactly("2025-04", "2025-05");

        payments.add(payment(5, 25_000, 50_000));
        payments.add(payment(5, 25_000, 50_000).withId("p5-second"));
        assertThat(unpaid(new MemberDues(ALL_YEAR, List.of(), payments), DECEMBER)).containsExactly("2025-04");
    }

    @Test
    void aLatePaymentTakesTheMonthOutOfArrearsWheneverItWasPaid() {
        List<Payment> payments = new ArrayList<>(paidExcept(2, 3, 4));
        MemberDues before = new MemberDues(ALL_YEAR, List.of(), payments);
        assertThat(DuesArrears.reachedWith(DuesArrears.unpaid(before, YEAR, DECEMBER, KEPT), 3)).contains(YearMonth.of(YEAR, 4));

        payments.add(new Payment("late", YearMonth.of(YEAR, 3), 50_000, 50_000, LocalDate.of(YEAR, 11, 30)));
        MemberDues after = new MemberDues(ALL_YEAR, List.of(), payments);
        assertThat(unpaid(after, DECEMBER)).containsExactly("2025-02", "2025-04");
        assertThat(DuesArrears.reachedWith(DuesArrears.unpaid(after, YEAR, DECEMBER, KEPT), 3)).isEmpty();
    }

    @Test
    void aMonthTouchedByAnExemptionOwesNothing() {
        // exempt from 20 March to 5 May: March, April and May are excused, though none of them is paid
        MemberDues dues = new MemberDues(ALL_YEAR, List.of(new Exemption(LocalDate.of(YEAR, 3, 20), LocalDate.of(YEAR, 5, 5))),
                paidExcept(2, 3, 4, 5));
        assertThat(unpaid(dues, DECEMBER)).containsExactly("2025-02");

        MemberDues openEnded = new MemberDues(ALL_YEAR, List.of(new Exemption(LocalDate.of(2022, 6, 1), null)), List.of());
        assertThat(unpaid(openEnded, DECEMBER)).isEmpty();
    }

    @Test
    void aMonthOnTheRollsForPartOfItIsOwedAndAMonthOffThemIsNot() {
        // admitted on 20 April: January to March owe nothing, April does
        MemberDues admitted = new MemberDues(List.of(new RollStep(LocalDate.of(YEAR, 4, 20), 0, "B")), List.of(), List.of());
        assertThat(unpaid(admitted, YearMonth.of(YEAR, 6))).containsExactly("2025-04", "2025-05", "2025-06");

        // papers issued on 10 March, received elsewhere on 2 June: March and June are owed, April and May not (in transit)
        MemberDues moved = new MemberDues(List.of(ALL_YEAR.getFirst(), new RollStep(LocalDate.of(YEAR, 3, 10), 1, null),
                new RollStep(LocalDate.of(YEAR, 6, 2), 2, "B2")), List.of(), paidExcept(3, 4, 5, 6));
        assertThat(unpaid(moved, DECEMBER)).containsExactly("2025-03", "2025-06");
        assertThat(DuesArrears.branchOf(moved, YearMonth.of(YEAR, 5))).contains("B");
        assertThat(DuesArrears.branchOf(moved, YearMonth.of(YEAR, 6))).contains("B2");

        // left on 15 August: August is owed, the months after it are not
        MemberDues left = new MemberDues(List.of(ALL_YEAR.getFirst(), new RollStep(LocalDate.of(YEAR, 8, 15), 4, null)),
                List.of(), paidExcept(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(unpaid(left, DECEMBER)).hasSize(8).endsWith("2025-08");
    }

    @Test
    void monthsBeforeTheBranchKeptDuesInThePlatformAreNotJudged() {
        MemberDues dues = new MemberDues(ALL_YEAR, List.of(), List.of());
        assertThat(DuesArrears.unpaid(dues, YEAR, DECEMBER, Map.of("B", YearMonth.of(YEAR, 10))))
                .extracting(YearMonth::toString).containsExactly("2025-10", "2025-11", "2025-12");
        assertThat(DuesArrears.unpaid(dues, YEAR, DECEMBER, Map.of())).isEmpty();
    }

    @Test
    void theEvidenceListsTheMonthsAndTheThreshold() {
        Breach b = DuesArrears.breach("m", YEAR, List.of(YearMonth.of(YEAR, 2), YearMonth.of(YEAR, 7), YearMonth.of(YEAR, 11)), 3);
        assertThat(b.memberIds()).containsExactly("m");
        assertThat(b.evidence()).containsEntry("year", YEAR).containsEntry("monthCount", 3).containsEntry("threshold", 3)
                .containsEntry("months", List.of("2025-02", "2025-07", "2025-11"));
        assertThat(DuesArrears.RULE.findingId("m", "2025")).isEqualTo("R-M2:m:2025");
    }

    @Test
    void removalIsFiledWithTheGroundReachedFirstAndNamesEveryGround() {
        RemovalGround dues = new RemovalGround("R-M2", LocalDate.of(YEAR, 5, 31), "B", "/B/");
        RemovalGround absences = new RemovalGround("R-M1", LocalDate.of(YEAR, 6, 12), "B", "/B/");

        assertThat(MemberRules.inOrderReached(List.of(absences, dues))).containsExactly(dues, absences);
        assertThat(MemberRules.considerRemoval("m", YEAR, List.of(absences, dues)).evidence())
                .containsEntry("because", List.of("R-M2", "R-M1"));
    }
}
