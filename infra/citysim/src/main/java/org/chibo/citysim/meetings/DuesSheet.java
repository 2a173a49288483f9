package org.chibo.citysim.meetings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A branch's collection sheet for one month (sổ thu đảng phí): a row for every member on the rolls that month, with the
 * basis the dues are computed from, what is due, and what was paid on which day — nothing (0, no day) for a member who
 * did not pay, half for a partial payment. The loader sends the rows with a payment; the oracle reads them all.
 */
public record DuesSheet(String branchCode, YearMonth month, List<Row> rows) {

    public DuesSheet {
        rows = List.copyOf(rows);
    }

    /**
     * @param monthlyIncome salary or pension in đồng for a share category, null for a fixed amount
     * @param amount        paid for the month, 0 when nothing was
     * @param paidOn        null when nothing was paid
     */
    public record Row(String cardNumber, String category, Long monthlyIncome, long due, long amount, LocalDate paidOn) {
        public boolean paid() {
            return amount > 0;
        }
    }

    /** Whether anything on the sheet was paid: a sheet with nothing paid is not sent. */
    public boolean anyPaid() {
        return rows.stream().anyMatch(Row::paid);
    }
}
