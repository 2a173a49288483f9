package org.chibo.contracts.meeting;

import java.time.Instant;
import java.time.LocalDate;

/** A scheduled meeting was cancelled (chibo.meeting.cancelled.v1), with the reason given. */
public record MeetingCancelled(String meetingId, String branchId, String organisationPath, String type, String period,
                               LocalDate scheduledFor, String reason, String cancelledBy, Instant cancelledAt) {
}
