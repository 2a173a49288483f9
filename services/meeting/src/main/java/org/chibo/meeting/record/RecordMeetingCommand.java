package org.chibo.meeting.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a secretary submits to record a meeting that took place. */
public record RecordMeetingCommand(String branchId, MeetingType type, MeetingMode mode, LocalDate heldOn,
                                   Instant startedAt, Instant endedAt, String topic, List<Line> attendance, Vote vote) {

    public record Line(String memberId, Attendance status, String reason) {
    }

    public record Vote(int inFavour, int against, int abstained) {
        int total() {
            return inFavour + against + abstained;
        }
    }
}
