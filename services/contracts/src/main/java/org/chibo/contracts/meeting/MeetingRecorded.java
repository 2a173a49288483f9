package org.chibo.contracts.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting's record was closed (chibo.meeting.recorded.v1). Carries the whole record, roster included, so no
 * consumer ever has to ask the meeting service.
 *
 * @param type  REGULAR, THEMATIC or EXTRAORDINARY
 * @param mode  IN_PERSON, ONLINE or HYBRID
 * @param startedAt    may be null where the minutes do not give times
 * @param endedAt      may be null where the minutes do not give times
 * @param topic the registered topic of a thematic meeting, otherwise null
 * @param vote  the resolution vote, null when no resolution was voted
 */
public record MeetingRecorded(
        String meetingId,
        String branchId,
        String organisationPath,
        String type,
        String mode,
        LocalDate heldOn,
        Instant startedAt,
        Instant endedAt,
        Instant recordedAt,
        String topic,
        List<Attendee> roster,
        Vote vote) {

    /**
     * One roster line.
     *
     * @param memberStatus PROBATIONARY or OFFICIAL on the day
     * @param exempt       exempt members (miễn sinh hoạt) are left out of attendance and quorum denominators
     * @param attendance   PRESENT, ABSENT_EXCUSED (có lý do) or ABSENT_UNEXCUSED (không lý do)
     */
    public record Attendee(String memberId, String fullName, String memberStatus, boolean exempt,
                           String attendance, String reason) {
    }

    public record Vote(int inFavour, int against, int abstained) {
    }
}
