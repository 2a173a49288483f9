package org.chibo.membership.dues;

import java.util.Optional;

/**
 * What a member's monthly dues are computed from, from a month on.
 *
 * @param monthlyIncome salary or pension in đồng, for share categories; null for fixed ones
 * @param from          first month it applies to, {@code YYYY-MM}
 */
public record DuesBasis(String category, Long monthlyIncome, String from) {

    /** Why a category and income do not fit the category's rate, naming the field. */
    public record Problem(String field, String reason) {
    }

    /** The income a category needs (a share of it) or refuses (a fixed amount); empty when they fit. */
    public static Optional<Problem> problem(String category, Long monthlyIncome, DuesRate rate) {
        if (rate.needsIncome() && (monthlyIncome == null || monthlyIncome <= 0)) {
            return Optional.of(new Problem("monthlyIncome", "category " + category + " is a share of the monthly income: give it"));
        }
        if (!rate.needsIncome() && monthlyIncome != null) {
            return Optional.of(new Problem("monthlyIncome", "category " + category + " is a fixed amount: no income"));
        }
        return Optional.empty();
    }
}
