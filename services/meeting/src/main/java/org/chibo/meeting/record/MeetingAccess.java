package org.chibo.meeting.record;

import org.chibo.chassis.security.AccessRefusedException;
import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.chibo.meeting.access.OrganisationPaths;
import org.chibo.meeting.access.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may do what to a meeting, checked against the branch's current place in the tree. Outside the caller's roles
 * or subtree is a 403 (logged and counted by the chassis) — for single meetings too: ids are random, so a 403 tells
 * an outsider nothing a 404 would hide.
 */
@Component
class MeetingAccess {

    private final OrganisationPaths paths;

    MeetingAccess(OrganisationPaths paths) {
        this.paths = paths;
    }

    String pathOf(Meeting m) {
        return paths.of(m.getBranchId(), m.getOrganisationPath());
    }

    /** Any role inside the subtree: a member's token is bound to their branch, so they read their branch's meetings. */
    void read(Caller caller, Meeting m) {
        caller.require("read meeting " + m.getId(), pathOf(m), Roles.READERS);
    }

    /** Schedule, open, close, postpone, cancel, amend, attendance: the branch's secretary, committee staff, city admin. */
    void change(Caller caller, String action, Meeting m) {
        caller.require(action + " meeting " + m.getId(), pathOf(m), Roles.RECORDERS);
    }

    /**
     * A new meeting of {@code branchId}. A branch this service does not know is left to the command, which refuses it
     * with 422 {@code branchId} (the loader needs to tell "not arrived yet" from "not yours"); a known one must lie in
     * the caller's subtree.
     */
    void createIn(Caller caller, String action, String branchId) {
        caller.requireAnyRole(action, Roles.RECORDERS);
        paths.of(branchId).ifPresent(path -> caller.requireCovers(action + " in branch " + branchId, path));
    }

    /** Reading a branch's list: empty when the branch is unknown, refused when it lies outside the subtree. */
    boolean readBranch(Caller caller, String action, String branchId) {
        caller.requireAnyRole(action, Roles.READERS);
        String path = paths.of(branchId).orElse(null);
        if (path == null) {
            return false;
        }
        caller.requireCovers(action, path);
        return true;
    }

    /**
     * Điểm danh: a member checks in only themselves, with the meeting's code or online (never "by the secretary's
     * hand", which would skip the code); the branch's secretary checks in anyone on the roster, any way.
     */
    void checkIn(Caller caller, String memberId, CheckInMethod method) {
        if (caller.has(Role.BRANCH_SECRETARY)) {
            return;
        }
        caller.requireAnyRole("check in " + memberId, Role.MEMBER, Role.BRANCH_SECRETARY);
        if (!caller.isMember(memberId)) {
            throw new AccessRefusedException(caller, "check in " + memberId, null, "a member checks in only themselves");
        }
        if (method == CheckInMethod.SECRETARY) {
            throw new AccessRefusedException(caller, "check in " + memberId + " by the secretary's hand", null,
                    "only the branch's secretary marks presence by hand");
        }
    }

    /** The scope half of a check-in, once the meeting is read: the secretary's or the member's branch. */
    void checkInAt(Caller caller, Meeting m) {
        caller.requireCovers("check in at meeting " + m.getId(), pathOf(m));
    }

    /** Leaving early (về sớm): a member for themselves, or whoever records the meeting. */
    void checkOut(Caller caller, String memberId, Meeting m) {
        if (caller.hasAny(Roles.RECORDERS)) {
            change(caller, "check out " + memberId + " at", m);
            return;
        }
        caller.requireAnyRole("check out " + memberId, Role.MEMBER);
        if (!caller.isMember(memberId)) {
            throw new AccessRefusedException(caller, "check out " + memberId, null, "a member checks out only themselves");
        }
        caller.requireCovers("check out at meeting " + m.getId(), pathOf(m));
    }
}
