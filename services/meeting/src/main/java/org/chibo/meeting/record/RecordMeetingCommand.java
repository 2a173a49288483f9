package org.chibo.meeting.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chibo.contracts.meeting.MeetingRecorded;

/**
 * A meeting held earlier, transcribed from its paper minutes (biên bản).
 *
 * @param restrictedMatters the {@link RestrictedMatter} names the meeting handled, null when the minutes do not say
 */
public record RecordMeetingCommand(String branchId, MeetingType type, MeetingMode mode, MeetingScope scope, String cellId,
                                   LocalDate heldOn, Instant startedAt, Instant endedAt, String place, String topic,
                                   List<Line> attendance, Vote vote, MeetingRecorded.Minutes minutes,
                                   List<String> restrictedMatters, LocalDate closedOn, String reference, String by) {

    /** One member's attendance as the minutes give it. */
    public record Line(String memberId, Attendance status, String reason, Instant arrivedAt, Instant leftAt) {

        public Line(String memberId, Attendance status, String reason) {
            this(memberId, status, reason, null, null);
        }
    }

    public record Vote(int inFavour, int against, int abstained) {

        int total() {
            return inFavour + against + abstained;
        }

        MeetingRecorded.Vote toRecorded() {
            return new MeetingRecorded.Vote(inFavour, against, abstained);
        }
    }
}
