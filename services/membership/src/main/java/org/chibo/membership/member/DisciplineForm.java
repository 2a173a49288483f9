package org.chibo.membership.member;

/** The four forms of kỷ luật đảng viên, mildest first. */
public enum DisciplineForm {
    /** Khiển trách. */
    REPRIMAND,
    /** Cảnh cáo. */
    WARNING,
    /** Cách chức. */
    DISMISSAL,
    /** Khai trừ: the member leaves the party. */
    EXPULSION
}
