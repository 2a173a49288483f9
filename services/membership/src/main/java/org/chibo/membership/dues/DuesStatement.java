package org.chibo.membership.dues;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's dues for the months of a year, as plain Java: what each month owes, what was paid, what is outstanding.
 * A month is due from the admission month and from the basis's first month, up to and including {@code upTo}.
 */
public record DuesStatement(int year, List<Month> months) {

    public record Month(String month, long due, long paid, long outstanding) {
    }

    public static long monthlyDue(DuesBasis basis, DuesRate rate) {
        if (rate.fixedAmount() != null) {
            return rate.fixedAmount();
        }
        return rate.share().multiply(java.math.BigDecimal.valueOf(basis.monthlyIncome())).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    public static DuesStatement of(int year, LocalDate admittedOn, DuesBasis basis, DuesRate rate, List<DuesPayment> payments,
                                   YearMonth upTo) {
        List<Month> months = new ArrayList<>();
        YearMonth first = YearMonth.from(admittedOn);
        if (basis != null && YearMonth.parse(basis.from()).isAfter(first)) {
            first = YearMonth.parse(basis.from());
        }
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (month.isAfter(upTo)) {
                break;
            }
            long paid = payments.stream().filter(p -> p.month().equals(month.toString())).mapToLong(DuesPayment::amount).sum();
            long due = basis == null || month.isBefore(first) ? 0 : monthlyDue(basis, rate);
            months.add(new Month(month.toString(), due, paid, Math.max(0, due - paid)));
        }
        return new DuesStatement(year, months);
    }

    public long outstanding() {
        return months.stream().mapToLong(Month::outstanding).sum();
    }

    /** Months with something still owed; R-M2 counts these. */
    public long monthsInArrears() {
        return months.stream().filter(m -> m.outstanding() > 0).count();
    }
}
