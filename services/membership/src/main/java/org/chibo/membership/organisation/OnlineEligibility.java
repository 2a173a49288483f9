package org.chibo.membership.organisation;

import java.time.LocalDate;

/** Approval to hold online meetings (Hướng dẫn 03-HD/TW), by decision, for a reason, from a date; {@code until} null = open. */
public record OnlineEligibility(boolean eligible, String decisionRef, String reason, LocalDate from, LocalDate until) {
}
