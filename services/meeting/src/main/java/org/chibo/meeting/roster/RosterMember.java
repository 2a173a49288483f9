package org.chibo.meeting.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member as this service knows them from {@code membership.events}: a disposable projection, keyed by member id. */
@Document(RosterMember.COLLECTION)
public record RosterMember(@Id String memberId, String branchId, String fullName, String status, boolean exempt) {

    public static final String COLLECTION = "roster_members";
}
