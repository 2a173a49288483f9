package org.chibo.contracts.meeting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A meeting was opened (chibo.meeting.opened.v1, khai mạc): its roster was fixed and check-in began.
 *
 * @param expected members expected to attend: on the roster and not exempt on the day
 */
public record MeetingOpened(String meetingId, String branchId, String organisationPath, String type, LocalDate heldOn,
                            int expected, Instant openedAt) {
}
