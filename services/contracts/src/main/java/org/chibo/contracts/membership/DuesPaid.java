package org.chibo.contracts.membership;

import java.time.LocalDate;

/**
 * A member paid dues (đảng phí) for a month (chibo.membership.dues-paid.v1). Keyed by member id.
 *
 * @param month      the month paid for, {@code YYYY-MM}
 * @param amount     in Vietnamese đồng
 * @param monthDue   what the month's dues are, in đồng, so a consumer can tell a partial payment
 * @param paymentId  unique per payment: a consumer counts each payment once
 */
public record DuesPaid(String paymentId, String memberId, String branchId, String month, long amount, long monthDue,
                       LocalDate paidOn) {
}
