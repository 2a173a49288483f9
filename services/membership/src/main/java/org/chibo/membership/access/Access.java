package org.chibo.membership.access;

import java.util.List;
import java.util.regex.Pattern;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The membership service's reading of the platform's access policy (services/chassis/README.md, "Access policy"):
 * which roles may do what, and the subtree filter for queries that list rather than address one object. Every check
 * is made against the object's organisation path from this service's own data.
 */
public final class Access {

    /** Tree reads: any role, inside the caller's subtree. */
    public static final Role[] ANY_ROLE = Role.values();
    /** Organisation changes and the member lifecycle (tổ chức, kết nạp, chuyển sinh hoạt, kỷ luật …). */
    public static final Role[] STAFF = {Role.CITY_ADMIN, Role.COMMITTEE_STAFF};
    /** Who reads members' records, rosters and searches; a member reads only their own record. */
    public static final Role[] RECORD_READERS = {Role.CITY_ADMIN, Role.COMMITTEE_STAFF, Role.BRANCH_SECRETARY, Role.INSPECTOR};
    /** Who records dues (đảng phí) and sets what they are computed from. */
    public static final Role[] DUES_KEEPERS = {Role.CITY_ADMIN, Role.COMMITTEE_STAFF, Role.BRANCH_SECRETARY};

    private Access() {
    }

    /**
     * A read of a member's personal record: their own (a member's token names it in {@code member_id}), or a record
     * reader's inside whose subtree the member is. Out of scope is a 403, like every refusal here (logged and
     * counted by the chassis); existence is thereby confirmed to a caller who holds a valid token, which is accepted
     * because ids are not listed to anyone outside the subtree.
     */
    public static void requireRecordRead(Caller caller, String action, String memberId, String memberPath) {
        if (caller.has(Role.MEMBER) && caller.isMember(memberId)) {
            return;
        }
        caller.require(action, memberPath, RECORD_READERS);
    }

    /**
     * Limits a query to documents whose {@code pathField} runs through the caller's organisation: the same question as
     * {@link Caller#covers}, asked of the store. A token bound to no organisation matches nothing.
     */
    public static Criteria within(Caller caller, String pathField) {
        if (caller.organisationId() == null) {
            return Criteria.where(pathField).in(List.of());
        }
        return Criteria.where(pathField).regex(Pattern.compile(Pattern.quote("/" + caller.organisationId() + "/")));
    }
}
