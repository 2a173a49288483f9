package org.chibo.contracts.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting's record was closed (chibo.meeting.recorded.v1). Carries the whole record, roster and minutes included,
 * so no consumer ever has to ask the meeting service.
 *
 * @param type      REGULAR, THEMATIC or EXTRAORDINARY
 * @param mode      IN_PERSON, ONLINE or HYBRID
 * @param startedAt may be null where the minutes do not give times
 * @param endedAt   may be null where the minutes do not give times
 * @param topic     the registered topic of a thematic meeting, otherwise null
 * @param vote      the resolution vote, null when no resolution was voted
 * @param scope     BRANCH (the whole chi bộ) or CELL (one tổ đảng); null in records from before scopes (= BRANCH)
 * @param cellId    the party cell of a CELL meeting, otherwise null
 * @param period    the calendar period the meeting counts for: {@code 2026-11} for a regular meeting,
 *                  {@code 2026-Q4} for a thematic one, null for an extraordinary one
 * @param place     where it was held (or the platform of an online meeting), may be null
 * @param closedOn  the business date the minutes were closed and signed (for minutes transcribed from paper, the date
 *                  on the paper); what lateness is measured by. Null in records from before this field.
 * @param minutes   the parts of the biên bản (Hướng dẫn 12-HD/BTCTW); null in records from before this field
 * @param restrictedMatters the restricted matters (nội dung mật / nhân sự) the meeting handled: STATE_SECRET,
 *                  PERSONNEL, DISCIPLINE, OTHER_CONFIDENTIAL; null or empty when none (and in records from before
 *                  this field). Hướng dẫn 03-HD/TW keeps some of them off online meetings: inspection's R-G8.
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
        Vote vote,
        String scope,
        String cellId,
        String period,
        String place,
        LocalDate closedOn,
        Minutes minutes,
        List<String> restrictedMatters) {

    /** The shape before restricted matters were added. */
    public MeetingRecorded(String meetingId, String branchId, String organisationPath, String type, String mode,
                           LocalDate heldOn, Instant startedAt, Instant endedAt, Instant recordedAt, String topic,
                           List<Attendee> roster, Vote vote, String scope, String cellId, String period, String place,
                           LocalDate closedOn, Minutes minutes) {
        this(meetingId, branchId, organisationPath, type, mode, heldOn, startedAt, endedAt, recordedAt, topic, roster,
                vote, scope, cellId, period, place, closedOn, minutes, null);
    }

    /** The shape released first, before scope, period, place, closing date and minutes were added. */
    public MeetingRecorded(String meetingId, String branchId, String organisationPath, String type, String mode,
                           LocalDate heldOn, Instant startedAt, Instant endedAt, Instant recordedAt, String topic,
                           List<Attendee> roster, Vote vote) {
        this(meetingId, branchId, organisationPath, type, mode, heldOn, startedAt, endedAt, recordedAt, topic, roster,
                vote, null, null, null, null, null, null, null);
    }

    /**
     * One roster line.
     *
     * @param memberStatus PROBATIONARY or OFFICIAL on the day
     * @param exempt       exempt members (miễn sinh hoạt) are left out of attendance and quorum denominators
     * @param attendance   PRESENT, ABSENT_EXCUSED (có lý do) or ABSENT_UNEXCUSED (không lý do)
     * @param arrivedAt    when a present member arrived; later than the start means a late arrival (đến muộn)
     * @param leftAt       when a present member left before the end (về sớm), otherwise null
     * @param checkIn      how presence was taken: CODE (the meeting's code or QR), SECRETARY (by hand), ONLINE, or
     *                     MINUTES (transcribed from the paper record); null for an absent member
     */
    public record Attendee(String memberId, String fullName, String memberStatus, boolean exempt,
                           String attendance, String reason, Instant arrivedAt, Instant leftAt, String checkIn) {

        public Attendee(String memberId, String fullName, String memberStatus, boolean exempt, String attendance,
                        String reason) {
            this(memberId, fullName, memberStatus, exempt, attendance, reason, null, null, null);
        }
    }

    /** The vote on the resolution; only official members vote (Charter art. 5). */
    public record Vote(int inFavour, int against, int abstained) {
    }

    /**
     * The parts of the minutes (biên bản). A part left null or empty is missing from the record.
     *
     * @param chairId         the member who chaired (chủ trì)
     * @param minuteTakerId   the member who took the minutes (thư ký)
     * @param contentItems    the agenda items discussed (nội dung)
     * @param conclusion      the chair's conclusion (kết luận)
     * @param resolution      the resolution (nghị quyết), null when none was passed
     * @param signedByChair       the chair signed the minutes
     * @param signedByMinuteTaker the minute-taker signed the minutes
     */
    public record Minutes(String chairId, String minuteTakerId, List<String> contentItems, String conclusion,
                          Resolution resolution, boolean signedByChair, boolean signedByMinuteTaker) {
    }

    /**
     * @param adopted whether the minutes declare the resolution adopted (thông qua)
     * @param tasks   tasks assigned to named members
     */
    public record Resolution(String text, boolean adopted, List<Task> tasks) {
    }

    /** A task the resolution gives a named member, with the date it is due. */
    public record Task(String memberId, String description, LocalDate dueOn) {
    }
}
