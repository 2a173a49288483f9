package org.chibo.membership.member;

/** Chuyển sinh hoạt đảng chính thức (the member moves for good) or tạm thời (study, secondment). */
public enum TransferKind {
    OFFICIAL,
    TEMPORARY
}
