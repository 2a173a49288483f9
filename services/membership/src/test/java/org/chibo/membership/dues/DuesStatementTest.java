package org.chibo.membership.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class DuesStatementTest {

    private static final DuesRate ONE_PERCENT = new DuesRate(new BigDecimal("0.01"), null);

    @Test
    void onePercentOfSalaryRoundedToTheDong() {
        assertThat(DuesStatement.monthlyDue(new DuesBasis("SALARIED", 8_456_750L, "2026-01"), ONE_PERCENT)).isEqualTo(84_568);
        assertThat(DuesStatement.monthlyDue(new DuesBasis("NO_SALARY", null, "2026-01"), new DuesRate(null, 5_000L))).isEqualTo(5_000);
    }

    @Test
    void monthsAreDueFromAdmissionAndBasisUpToNowAndPartialPaymentsLeaveArrears() {
        DuesBasis basis = new DuesBasis("SALARIED", 10_000_000L, "2026-03");
        List<DuesPayment> paid = List.of(new DuesPayment("p1", "2026-03", 100_000, LocalDate.of(2026, 3, 5)),
                new DuesPayment("p2", "2026-04", 60_000, LocalDate.of(2026, 4, 5)),
                new DuesPayment("p3", "2026-04", 40_000, LocalDate.of(2026, 4, 20)));

        DuesStatement s = DuesStatement.of(2026, LocalDate.of(2010, 1, 1), basis, ONE_PERCENT, paid, YearMonth.of(2026, 6));

        assertThat(s.months()).extracting(DuesStatement.Month::month)
                .containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        assertThat(s.months()).extracting(DuesStatement.Month::due).containsExactly(0L, 0L, 100_000L, 100_000L, 100_000L, 100_000L);
        assertThat(s.monthsInArrears()).isEqualTo(2);
        assertThat(s.outstanding()).isEqualTo(200_000);
    }
}
