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

    /** Papers are issued to a member on a branch's rolls, dated between admission and today. */
    public static AdmissionRules.Problem transferOut(Transfer current, LocalDate admittedOn, LocalDate issuedOn, LocalDate today) {
        if (current != null) {
            return new AdmissionRules.Problem("status", "the member is already in transit since " + current.issuedOn()
                    + "; the receiving branch must record the reception first");
        }
        if (issuedOn.isAfter(today)) {
            return new AdmissionRules.Problem("issuedOn", "issue date " + issuedOn + " is in the future");
        }
        if (issuedOn.isBefore(admittedOn)) {
            return new AdmissionRules.Problem("issuedOn", "papers cannot be issued before the admission on " + admittedOn);
        }
        return null;
    }

    /** A reception closes a transfer: into the branch its papers name (when they name one), not before they were issued. */
    public static AdmissionRules.Problem reception(Transfer current, String branchId, LocalDate receivedOn, LocalDate today) {
        if (current == null) {
            return new AdmissionRules.Problem("status", "the member is not in transit: no transfer papers to receive");
        }
        if (current.toBranchId() != null && !current.toBranchId().equals(branchId)) {
            return new AdmissionRules.Problem("branchId", "the transfer papers name branch " + current.toBranchId());
        }
        if (receivedOn.isBefore(current.issuedOn())) {
            return new AdmissionRules.Problem("receivedOn", "received on " + receivedOn + ", before the papers were issued on "
                    + current.issuedOn());
        }
        if (receivedOn.isAfter(today)) {
            return new AdmissionRules.Problem("receivedOn", "reception date " + receivedOn + " is in the future");
        }
        return null;
    }

    /** Every command but reading needs a member still on the rolls (or in transit between them). */
    public static AdmissionRules.Problem onRolls(Departure departure) {
        return departure == null ? null : new AdmissionRules.Problem("status", "the member left the rolls on "
                + departure.on() + " (" + departure.reason() + ")");
    }

    /** Recognition and exemption are decided by the branch that has the member on its rolls, not during a transfer. */
    public static AdmissionRules.Problem notInTransit(Transfer transfer) {
        return transfer == null ? null : new AdmissionRules.Problem("status", "the member is in transit since "
                + transfer.issuedOn() + "; the receiving branch decides after the reception");
    }

    /** A decision is dated between the admission and today. */
    public static AdmissionRules.Problem decisionDate(String field, LocalDate date, LocalDate admittedOn, LocalDate today) {
        if (date.isAfter(today)) {
            return new AdmissionRules.Problem(field, field + " " + date + " is in the future");
        }
        if (date.isBefore(admittedOn)) {
            return new AdmissionRules.Problem(field, field + " " + date + " is before the admission on " + admittedOn);
        }
        return null;
    }
}
