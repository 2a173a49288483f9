package org.chibo.membership.member;

import java.time.LocalDate;

/**
 * The checks a new member's dates and status must pass (Party Charter art. 1 and 5), as plain Java: each returns
 * the field at fault and why, or null when the member may be admitted.
 */
public final class AdmissionRules {

    /** Admission is open from 18 (Charter art. 1). */
    static final int MINIMUM_AGE = 18;
    /** Probation lasts 12 months; recognition may not come earlier (Charter art. 5). */
    static final int PROBATION_MONTHS = 12;

    public record Problem(String field, String reason) {
    }

    private AdmissionRules() {
    }

    public static Problem check(NewMember m, LocalDate today) {
        if (m.admittedOn().isAfter(today)) {
            return new Problem("admittedOn", "admission date " + m.admittedOn() + " is in the future");
        }
        if (m.birthDate() != null) {
            if (!m.birthDate().isBefore(today)) {
                return new Problem("birthDate", "birth date " + m.birthDate() + " is not in the past");
            }
            if (m.admittedOn().isBefore(m.birthDate().plusYears(MINIMUM_AGE))) {
                return new Problem("admittedOn", "admitted on " + m.admittedOn() + ", before the member's 18th birthday");
            }
        }
        LocalDate probationEnds = m.admittedOn().plusMonths(PROBATION_MONTHS);
        if (m.status() == MemberStatus.PROBATIONARY && m.recognisedOn() != null) {
            return new Problem("recognisedOn", "a probationary member has no recognition date");
        }
        if (m.status() == MemberStatus.OFFICIAL) {
            if (m.recognisedOn() == null && probationEnds.isAfter(today)) {
                return new Problem("status", "admitted on " + m.admittedOn() + ", the member cannot be official before "
                        + probationEnds);
            }
            if (m.recognisedOn() != null && m.recognisedOn().isBefore(probationEnds)) {
                return new Problem("recognisedOn", "recognised on " + m.recognisedOn() + ", before the 12 months of probation ended on "
                        + probationEnds);
            }
            if (m.recognisedOn() != null && m.recognisedOn().isAfter(today)) {
                return new Problem("recognisedOn", "recognition date " + m.recognisedOn() + " is in the future");
            }
        }
        return null;
    }
}
