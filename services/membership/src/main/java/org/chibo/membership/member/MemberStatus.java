package org.chibo.membership.member;

/** Dự bị (probationary, 12 months from admission) or chính thức (official). Party Charter art. 5. */
public enum MemberStatus {
    PROBATIONARY,
    OFFICIAL
}
