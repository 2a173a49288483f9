package org.chibo.meeting.record;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Sinh hoạt chi bộ: record a meeting that was held (biên bản), read records. */
@RestController
@RequestMapping("/api/v1/meetings")
@Validated
class MeetingController {

    private final MeetingService meetings;

    MeetingController(MeetingService meetings) {
        this.meetings = meetings;
    }

    record AttendanceLine(@NotBlank String memberId, @NotNull Attendance status, @Size(max = 500) String reason) {
    }

    record VoteCounts(@PositiveOrZero int inFavour, @PositiveOrZero int against, @PositiveOrZero int abstained) {
    }

    record RecordRequest(@NotBlank @Size(max = 64) String branchId,
                         @NotNull MeetingType type,
                         MeetingMode mode,
                         @NotNull LocalDate heldOn,
                         Instant startedAt,
                         Instant endedAt,
                         @Size(max = 300) String topic,
                         @NotEmpty @Size(max = 2000) List<@Valid @NotNull AttendanceLine> attendance,
                         @Valid VoteCounts vote) {
    }

    record MeetingView(String id, String branchId, MeetingType type, MeetingMode mode, LocalDate heldOn, Instant startedAt,
                       Instant endedAt, String topic, List<MeetingRecorded.Attendee> roster, MeetingRecorded.Vote vote,
                       Instant recordedAt) {
        static MeetingView of(Meeting m) {
            return new MeetingView(m.getId(), m.getBranchId(), m.getType(), m.getMode(), m.getHeldOn(), m.getStartedAt(),
                    m.getEndedAt(), m.getTopic(), m.getRoster(), m.getVote(), m.getRecordedAt());
        }
    }

    record Page<T>(List<T> items, int page, int size) {
    }

    @PostMapping
    ResponseEntity<MeetingView> record(@Valid @RequestBody RecordRequest r) {
        RecordMeetingCommand command = new RecordMeetingCommand(r.branchId(), r.type(),
                r.mode() == null ? MeetingMode.IN_PERSON : r.mode(), r.heldOn(), r.startedAt(), r.endedAt(), r.topic(),
                r.attendance().stream().map(a -> new RecordMeetingCommand.Line(a.memberId(), a.status(), a.reason())).toList(),
                r.vote() == null ? null : new RecordMeetingCommand.Vote(r.vote().inFavour(), r.vote().against(), r.vote().abstained()));
        Meeting m = meetings.record(command);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + m.getId())).body(MeetingView.of(m));
    }

    @GetMapping("/{id}")
    MeetingView get(@PathVariable String id) {
        return MeetingView.of(meetings.get(id));
    }

    @GetMapping
    Page<MeetingView> ofBranch(@RequestParam @NotBlank String branchId,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new Page<>(meetings.ofBranch(branchId, page, size).stream().map(MeetingView::of).toList(), page, size);
    }
}
