package org.chibo.contracts.meeting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A meeting was put on a branch's calendar (chibo.meeting.scheduled.v1): the committee's preparation step
 * (chuẩn bị). A later postponement is its own event (chibo.meeting.postponed.v1).
 *
 * @param scope  BRANCH or CELL
 * @param period the calendar period it counts for ({@code 2026-11}, {@code 2026-Q4}), null for an extraordinary one
 * @param startsAt planned start, may be null
 */
public record MeetingScheduled(String meetingId, String branchId, String organisationPath, String type, String scope,
                               String cellId, String mode, String period, LocalDate scheduledFor, Instant startsAt,
                               String place, String topic, Instant scheduledAt) {
}
