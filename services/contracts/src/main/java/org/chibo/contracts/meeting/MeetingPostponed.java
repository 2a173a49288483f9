package org.chibo.contracts.meeting;

import java.time.Instant;
import java.time.LocalDate;

/** A scheduled meeting was moved to another day (chibo.meeting.postponed.v1, hoãn), with the reason given. */
public record MeetingPostponed(String meetingId, String branchId, String organisationPath, String type, String period,
                               LocalDate from, LocalDate to, String reason, String postponedBy, Instant postponedAt) {
}
