package org.chibo.membership.dues;

import java.time.LocalDate;

/** A payment for a month ({@code YYYY-MM}), in đồng. */
public record DuesPayment(String id, String month, long amount, LocalDate paidOn) {
}
