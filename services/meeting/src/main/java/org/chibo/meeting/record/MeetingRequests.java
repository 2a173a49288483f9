package org.chibo.meeting.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chibo.contracts.meeting.MeetingRecorded;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The request bodies the meeting endpoints share: attendance lines, vote counts and the parts of the minutes. */
final class MeetingRequests {

    private MeetingRequests() {
    }

    record AttendanceLine(@NotBlank @Size(max = 64) String memberId, @NotNull Attendance status, @Size(max = 500) String reason,
                          Instant arrivedAt, Instant leftAt) {

        RecordMeetingCommand.Line toLine() {
            return new RecordMeetingCommand.Line(memberId, status, reason, arrivedAt, leftAt);
        }
    }

    record VoteCounts(@PositiveOrZero int inFavour, @PositiveOrZero int against, @PositiveOrZero int abstained) {

        RecordMeetingCommand.Vote toVote() {
            return new RecordMeetingCommand.Vote(inFavour, against, abstained);
        }

        static RecordMeetingCommand.Vote of(VoteCounts v) {
            return v == null ? null : v.toVote();
        }
    }

    record TaskPart(@NotBlank @Size(max = 64) String memberId, @NotBlank @Size(max = 1000) String description, LocalDate dueOn) {
    }

    record ResolutionPart(@Size(max = 20000) String text, boolean adopted, @Size(max = 200) List<@Valid @NotNull TaskPart> tasks) {
    }

    /** Biên bản: chủ trì, thư ký, nội dung, kết luận, nghị quyết, chữ ký. A part left out is missing from the record. */
    record MinutesPart(@Size(max = 64) String chairId, @Size(max = 64) String minuteTakerId,
                       @Size(max = 50) List<@NotNull @Size(max = 5000) String> contentItems,
                       @Size(max = 20000) String conclusion, @Valid ResolutionPart resolution,
                       boolean signedByChair, boolean signedByMinuteTaker) {

        MeetingRecorded.Minutes toMinutes() {
            MeetingRecorded.Resolution r = resolution == null ? null : new MeetingRecorded.Resolution(resolution.text(),
                    resolution.adopted(), resolution.tasks() == null ? List.of() : resolution.tasks().stream()
                    .map(t -> new MeetingRecorded.Task(t.memberId(), t.description(), t.dueOn())).toList());
            return new MeetingRecorded.Minutes(chairId, minuteTakerId, contentItems == null ? List.of() : List.copyOf(contentItems),
                    conclusion, r, signedByChair, signedByMinuteTaker);
        }

        static MeetingRecorded.Minutes of(MinutesPart m) {
            return m == null ? null : m.toMinutes();
        }
    }
}
