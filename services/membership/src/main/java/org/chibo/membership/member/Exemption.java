package org.chibo.membership.member;

import java.time.LocalDate;

/** Miễn công tác và sinh hoạt đảng: decided by the branch, with its reason and dates; {@code until} null = open-ended. */
public record Exemption(String reason, LocalDate from, LocalDate until) {
}
