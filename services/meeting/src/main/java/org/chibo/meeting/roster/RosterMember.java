package org.chibo.meeting.roster;

/** A member on a branch's roster as this service learnt it from {@code membership.events}. */
public record RosterMember(String memberId, String fullName, String status, boolean exempt) {
}
