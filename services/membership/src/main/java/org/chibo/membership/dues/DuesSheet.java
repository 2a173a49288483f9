package org.chibo.membership.dues;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Sổ thu đảng phí: a branch's collection sheet for one month, as the treasurer (or the secretary) keeps it: who paid
 * what, on which day, and the basis each amount was computed from. Plain Java: each row is checked on its own against
 * the member as the register holds them, so one wrong row is refused and the others are recorded.
 */
public final class DuesSheet {

    private DuesSheet() {
    }

    /**
     * One row: a member's payment for the sheet's month.
     *
     * @param category      the dues category the amount was computed from; required only for a member without a basis
     *                      yet (it becomes their basis from the sheet's month), otherwise it must be the member's
     * @param monthlyIncome with a category that is a share of income, as for PUT {@code /dues-basis}
     */
    public record Row(String memberId, String category, Long monthlyIncome, Long amount, LocalDate paidOn) {
    }

    /** A row refused, numbered from 1 in the order sent, naming its field. */
    public record Rejected(int row, String field, String reason) {
    }

    /** What happens to a row that passes: a new payment, or the one a sheet sent before recorded already. */
    public enum Outcome { RECORD, UNCHANGED }

    /** What a row is checked against: the member as the register holds them, and the payment this sheet made before. */
    public record Holder(String branchId, boolean onRolls, LocalDate admittedOn, DuesBasis basis, DuesPayment earlier) {
    }

    /**
     * The payment id a sheet gives a member's row: derived from the branch, the month and the member, so the same sheet
     * sent again finds the payment it recorded and records nothing twice.
     */
    public static String paymentId(String branchId, String month, String memberId) {
        return UUID.nameUUIDFromBytes(("dues-sheet:" + branchId + ":" + month + ":" + memberId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The fields every row needs, before the member is looked up. */
    public static Optional<Rejected> checkShape(int row, Row r, LocalDate today) {
        if (r.memberId() == null || r.memberId().isBlank()) {
            return reject(row, "memberId", "required");
        }
        if (r.amount() == null || r.amount() <= 0) {
            return reject(row, "amount", "an amount in đồng above 0 is required");
        }
        if (r.paidOn() == null) {
            return reject(row, "paidOn", "the day it was paid is required");
        }
        if (r.paidOn().isAfter(today)) {
            return reject(row, "paidOn", "payment date " + r.paidOn() + " is in the future");
        }
        if (r.category() == null && r.monthlyIncome() != null) {
            return reject(row, "monthlyIncome", "given without a category");
        }
        return Optional.empty();
    }

    /**
     * The row against its member ({@code holder} null: unknown). The basis is the row's when the member has none yet,
     * and must be the member's otherwise: a sheet does not change a basis (PUT {@code /dues-basis} does).
     *
     * @param rate the row's category's rate, null when the category is not in the table (or none is given)
     */
    public static Optional<Rejected> checkAgainst(int row, Row r, String branchId, YearMonth month, Holder holder, DuesRate rate) {
        if (holder == null) {
            return reject(row, "memberId", "no member " + r.memberId());
        }
        if (!holder.onRolls() || !branchId.equals(holder.branchId())) {
            return reject(row, "memberId", "not on this branch's rolls");
        }
        if (month.isBefore(YearMonth.from(holder.admittedOn()))) {
            return reject(row, "memberId", "admitted in " + YearMonth.from(holder.admittedOn()) + ", after " + month);
        }
        if (r.category() == null && holder.basis() == null) {
            return reject(row, "category", "the member has no dues basis yet: give the category (and monthlyIncome)");
        }
        if (r.category() != null) {
            if (rate == null) {
                return reject(row, "category", "unknown dues category " + r.category());
            }
            Optional<DuesBasis.Problem> problem = DuesBasis.problem(r.category(), r.monthlyIncome(), rate);
            if (problem.isPresent()) {
                return reject(row, problem.get().field(), problem.get().reason());
            }
            DuesBasis current = holder.basis();
            if (current != null && !(current.category().equals(r.category())
                    && Objects.equals(current.monthlyIncome(), r.monthlyIncome()))) {
                return reject(row, "category", "the member's basis is " + current.category()
                        + (current.monthlyIncome() == null ? "" : " of " + current.monthlyIncome() + " đ")
                        + ": change it with PUT /members/{id}/dues-basis, not on a sheet");
            }
        }
        DuesPayment earlier = holder.earlier();
        if (earlier != null && !(earlier.amount() == r.amount() && earlier.paidOn().equals(r.paidOn()))) {
            return reject(row, "amount", "this sheet recorded " + earlier.amount() + " đ paid on " + earlier.paidOn()
                    + " for this member already; a correction is a payment of its own");
        }
        return Optional.empty();
    }

    /** A row that passed: recorded now, or found as an earlier send of the sheet recorded it. */
    public static Outcome outcome(Holder holder) {
        return holder.earlier() != null ? Outcome.UNCHANGED : Outcome.RECORD;
    }

    private static Optional<Rejected> reject(int row, String field, String reason) {
        return Optional.of(new Rejected(row, field, reason));
    }
}
