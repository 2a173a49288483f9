package org.chibo.membership.member;

public enum Gender {
    MALE,
    FEMALE
}
