package org.chibo.evaluation.rating;

/** The four levels of Quy định 124-QĐ/TW (2023). */
public enum Rating {
    /** Hoàn thành xuất sắc nhiệm vụ. */
    EXCELLENT,
    /** Hoàn thành tốt nhiệm vụ. */
    GOOD,
    /** Hoàn thành nhiệm vụ. */
    COMPLETED,
    /** Không hoàn thành nhiệm vụ. */
    NOT_COMPLETED
}
