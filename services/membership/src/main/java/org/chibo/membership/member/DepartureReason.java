package org.chibo.membership.member;

/** Why a member is no longer on any roll. */
public enum DepartureReason {
    /** Khai trừ, by discipline. */
    EXPELLED,
    /** Xóa tên (Charter art. 8), e.g. after R-M3. */
    REMOVED,
    /** Từ trần. */
    DECEASED,
    /** Xin ra khỏi Đảng. */
    LEFT
}
