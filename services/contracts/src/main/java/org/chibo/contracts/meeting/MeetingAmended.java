package org.chibo.contracts.meeting;

import java.time.Instant;

/**
 * A recorded meeting's minutes were amended (chibo.meeting.amended.v1). Carries the whole record as it now stands,
 * which replaces the earlier one for every consumer; earlier revisions stay in the meeting service's history.
 *
 * @param revision 1 for the first amendment, 2 for the next, …; a consumer ignores a revision older than one it holds
 */
public record MeetingAmended(MeetingRecorded record, int revision, String reason, String amendedBy, Instant amendedAt) {
}
