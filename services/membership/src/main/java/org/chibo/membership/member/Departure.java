package org.chibo.membership.member;

import java.time.LocalDate;

public record Departure(DepartureReason reason, LocalDate on, String decisionRef) {
}
