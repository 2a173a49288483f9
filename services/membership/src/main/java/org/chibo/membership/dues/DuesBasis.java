package org.chibo.membership.dues;

/**
 * What a member's monthly dues are computed from, from a month on.
 *
 * @param monthlyIncome salary or pension in đồng, for share categories; null for fixed ones
 * @param from          first month it applies to, {@code YYYY-MM}
 */
public record DuesBasis(String category, Long monthlyIncome, String from) {
}
