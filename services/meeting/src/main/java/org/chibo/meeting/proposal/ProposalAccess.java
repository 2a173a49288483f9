package org.chibo.meeting.proposal;

import org.chibo.chassis.security.AccessRefusedException;
import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.chibo.meeting.access.OrganisationPaths;
import org.chibo.meeting.access.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may do what to a proposal (đề xuất, kiến nghị). A proposal lies in two places of the tree: the branch it comes
 * from and the committee it is addressed to. The branch's people submit and read it there; the committee's staff take
 * it up and answer it there; its submitter alone withdraws it. Refusals are 403, as for meetings.
 */
@Component
class ProposalAccess {

    private final OrganisationPaths paths;

    ProposalAccess(OrganisationPaths paths) {
        this.paths = paths;
    }

    /**
     * A member submits their own proposal from their branch; the branch's secretary enters one for any member of it.
     * A branch this service does not know is left to the submission, which refuses it with 422 {@code branchId}.
     */
    void submit(Caller caller, String branchId, String memberId) {
        String action = "submit a proposal of member " + memberId + " from branch " + branchId;
        caller.requireAnyRole(action, Role.MEMBER, Role.BRANCH_SECRETARY);
        if (!caller.has(Role.BRANCH_SECRETARY) && !caller.isMember(memberId)) {
            throw new AccessRefusedException(caller, action, null, "a member submits only their own proposals");
        }
        paths.of(branchId).ifPresent(path -> caller.requireCovers(action, path));
    }

    /**
     * Inside the subtree of the branch it comes from, or of the committee it was sent to (which keeps it after the
     * branch moves away). A member (with no other role) reads only their own: other members' petitions are theirs.
     */
    void read(Caller caller, Proposal p) {
        String action = "read proposal " + p.getId();
        caller.requireAnyRole(action, Roles.READERS);
        String branchPath = branchPath(p);
        if (!caller.covers(branchPath) && !caller.covers(addressedPath(p))) {
            throw new AccessRefusedException(caller, action, branchPath, "lies outside the caller's organisation");
        }
        if (memberOnly(caller) && !caller.isMember(p.getMemberId())) {
            throw new AccessRefusedException(caller, action, null, "a member reads only their own proposals");
        }
    }

    /** Tiếp nhận, trả lời: staff of a committee whose subtree holds the addressed committee, or the city admin. */
    void answer(Caller caller, String action, Proposal p) {
        caller.require(action + " proposal " + p.getId(), addressedPath(p), Roles.ANSWERERS);
    }

    /** Rút: only its submitter — the user who entered it, or the member it is from — and from inside its branch. */
    void withdraw(Caller caller, Proposal p) {
        String action = "withdraw proposal " + p.getId();
        if (!caller.subject().equals(p.submittedBy()) && !caller.isMember(p.getMemberId())) {
            throw new AccessRefusedException(caller, action, null, "only its submitter (" + p.submittedBy()
                    + ", or member " + p.getMemberId() + ") may withdraw it");
        }
        caller.requireCovers(action, branchPath(p));
    }

    /** Whether the caller reads as a member only, so lists are narrowed to their own proposals. */
    static boolean memberOnly(Caller caller) {
        return !caller.hasAny(Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.CITY_ADMIN, Role.INSPECTOR);
    }

    /** The path of a list filter's unit, checked against the subtree; null when the unit is unknown (nothing to list). */
    String pathInScope(Caller caller, String action, String organisationId) {
        caller.requireAnyRole(action, Roles.READERS);
        String path = paths.of(organisationId).orElse(null);
        if (path != null) {
            caller.requireCovers(action, path);
        }
        return path;
    }

    private String branchPath(Proposal p) {
        return paths.of(p.getBranchId(), p.getOrganisationPath());
    }

    /** The addressed committee's path now, else the part of the branch's path (as submitted) down to that committee. */
    private String addressedPath(Proposal p) {
        return paths.of(p.getAddressedTo()).orElseGet(() -> {
            String stored = p.getOrganisationPath();
            String segment = "/" + p.getAddressedTo() + "/";
            int at = stored == null ? -1 : stored.indexOf(segment);
            return at < 0 ? null : stored.substring(0, at + segment.length());
        });
    }
}
