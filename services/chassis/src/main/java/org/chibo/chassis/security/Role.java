package org.chibo.chassis.security;

import java.util.Optional;

/**
 * What a caller may do, as the token's roles claim names it. Each is bound to the organisation in the token's
 * organisation claim: the caller acts on that unit's subtree and nowhere else.
 */
public enum Role {
    /** Quản trị thành phố: the whole city's records, reference data and administrative calls. */
    CITY_ADMIN,
    /** Cán bộ đảng ủy (Ban Tổ chức, Văn phòng): records and meetings of the committee's subtree. */
    COMMITTEE_STAFF,
    /** Bí thư chi bộ: the branch's meetings, members' records and proposals. */
    BRANCH_SECRETARY,
    /** Đảng viên: their own record, their branch's meetings, their own check-in and proposals. */
    MEMBER,
    /** Ủy ban kiểm tra: reads the subtree, manages findings, plans and conclusions. */
    INSPECTOR;

    /** The role a claim value names, case-insensitively; empty for a name ChiBo does not know (ignored, not fatal). */
    public static Optional<Role> named(String value) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
