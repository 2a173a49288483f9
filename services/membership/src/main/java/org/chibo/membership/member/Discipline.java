package org.chibo.membership.member;

import java.time.LocalDate;

public record Discipline(DisciplineForm form, LocalDate decidedOn, String decisionRef, String reason) {
}
