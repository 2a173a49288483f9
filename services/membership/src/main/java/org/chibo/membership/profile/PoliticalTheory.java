package org.chibo.membership.profile;

/** Trình độ lý luận chính trị: the highest political-theory level completed. */
public enum PoliticalTheory {
    /** Sơ cấp. */
    SO_CAP,
    /** Trung cấp. */
    TRUNG_CAP,
    /** Cao cấp. */
    CAO_CAP,
    /** Cử nhân (a degree in political theory). */
    CU_NHAN
}
