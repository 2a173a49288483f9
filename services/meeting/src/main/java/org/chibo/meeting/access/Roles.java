package org.chibo.meeting.access;

import org.chibo.chassis.security.Role;

/**
 * The meeting service's reading of the access policy (services/chassis/README.md, "Access policy"); each role acts
 * only inside the subtree of the organisation its token is bound to.
 */
public final class Roles {

    /** Anyone with a role may read meetings, minutes and overviews of their subtree. */
    public static final Role[] READERS = Role.values();
    /** Schedule, open, close, record, amend, attendance: the branch's secretary, committee staff, the city admin. */
    public static final Role[] RECORDERS = {Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.CITY_ADMIN};
    /** Take up and answer proposals (tiếp nhận, trả lời kiến nghị): the addressed committee's staff, the city admin. */
    public static final Role[] ANSWERERS = {Role.COMMITTEE_STAFF, Role.CITY_ADMIN};

    private Roles() {
    }

    /** Whether the check-in code may be shown: only to those who run the meeting, never to members checking in. */
    public static boolean records(org.chibo.chassis.security.Caller caller) {
        return caller.hasAny(RECORDERS);
    }
}
