package org.chibo.membership.member;

import java.time.LocalDate;

/** The checks of the lifecycle commands, as plain Java; each returns the field at fault and why, or null. */
public final class LifecycleRules {

    private LifecycleRules() {
    }

    /** Recognition comes by decision, for a probationary member, not before the 12 months of probation (Charter art. 5). */
    public static AdmissionRules.Problem recognition(MemberStatus status, LocalDate admittedOn, LocalDate recognisedOn, LocalDate today) {
        if (status != MemberStatus.PROBATIONARY) {
            return new AdmissionRules.Problem("status", "the member is already " + status);
        }
        LocalDate probationEnds = admittedOn.plusMonths(AdmissionRules.PROBATION_MONTHS);
        if (recognisedOn.isBefore(probationEnds)) {
            return new AdmissionRules.Problem("recognisedOn", "recognition on " + recognisedOn
                    + " comes before the 12 months of probation end on " + probationEnds);
        }
        if (recognisedOn.isAfter(today)) {
            return new AdmissionRules.Problem("recognisedOn", "recognition date " + recognisedOn + " is in the future");
        }
        return null;
    }

    public static AdmissionRules.Problem exemption(Exemption e, LocalDate admittedOn) {
        if (e.reason() == null || e.reason().isBlank()) {
            return new AdmissionRules.Problem("reason", "an exemption needs its reason (e.g. tuổi cao, sức khỏe yếu)");
        }
        if (e.from().isBefore(admittedOn)) {
            return new AdmissionRules.Problem("from", "an exemption cannot start before the member's admission on " + admittedOn);
        }
        if (e.until() != null && e.until().isBefore(e.from())) {
            return new AdmissionRules.Problem("until", "the exemption ends before it starts");
        }
        return null;
    }
}
