package org.chibo.meeting.record;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chibo.meeting.record.MeetingRequests.AttendanceLine;
import org.chibo.meeting.record.MeetingRequests.MinutesPart;
import org.chibo.meeting.record.MeetingRequests.VoteCounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sinh hoạt chi bộ: record a meeting held earlier from its paper minutes (biên bản), and read meetings. */
@RestController
@RequestMapping("/api/v1/meetings")
@Validated
class MeetingController {

    static final String USER = org.chibo.chassis.web.ActingUser.HEADER;

    private final MeetingService meetings;
    private final Duration lateAfter;

    MeetingController(MeetingService meetings, @Value("${chibo.meeting.late-after:PT15M}") Duration lateAfter) {
        this.meetings = meetings;
        this.lateAfter = lateAfter;
    }

    record RecordRequest(@NotBlank @Size(max = 64) String branchId,
                         @NotNull MeetingType type,
                         MeetingMode mode,
                         MeetingScope scope,
                         @Size(max = 64) String cellId,
                         @NotNull LocalDate heldOn,
                         Instant startedAt,
                         Instant endedAt,
                         @Size(max = 300) String place,
                         @Size(max = 300) String topic,
                         @NotEmpty @Size(max = 2000) List<@Valid @NotNull AttendanceLine> attendance,
                         @Valid VoteCounts vote,
                         @Valid MinutesPart minutes,
                         LocalDate closedOn,
                         @Size(max = 200) String reference) {
    }

    record Page<T>(List<T> items, int page, int size) {
    }

    @PostMapping
    ResponseEntity<MeetingView> record(@Valid @RequestBody RecordRequest r, @RequestHeader(name = USER, required = false) String user) {
        RecordMeetingCommand command = new RecordMeetingCommand(r.branchId(), r.type(),
                r.mode() == null ? MeetingMode.IN_PERSON : r.mode(), r.scope() == null ? MeetingScope.BRANCH : r.scope(),
                r.cellId(), r.heldOn(), r.startedAt(), r.endedAt(), r.place(), r.topic(),
                r.attendance().stream().map(AttendanceLine::toLine).toList(), VoteCounts.of(r.vote()),
                MinutesPart.of(r.minutes()), r.closedOn(), r.reference(), user);
        Meeting m = meetings.record(command);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + m.getId())).body(view(m));
    }

    @GetMapping("/{id}")
    MeetingView get(@PathVariable String id) {
        return view(meetings.get(id));
    }

    @GetMapping("/{id}/amendments")
    List<Meeting.Revision> amendments(@PathVariable String id) {
        return meetings.get(id).getAmendments();
    }

    @GetMapping
    Page<MeetingView> ofBranch(@RequestParam @NotBlank String branchId,
                               @RequestParam(required = false) MeetingStatus status,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new Page<>(meetings.ofBranch(branchId, status, page, size).stream().map(this::view).toList(), page, size);
    }

    MeetingView view(Meeting m) {
        return MeetingView.of(m, lateAfter);
    }
}
