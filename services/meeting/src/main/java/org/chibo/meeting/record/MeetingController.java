package org.chibo.meeting.record;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chibo.chassis.security.Caller;
import org.chibo.meeting.access.Roles;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sinh hoạt chi bộ: record a meeting held earlier from its paper minutes (biên bản), and read meetings. */
@Tag(name = "Sinh hoạt chi bộ", description = "Meetings of party branches: schedule, check-in, minutes, resolutions")
@RestController
@RequestMapping("/api/v1/meetings")
@Validated
class MeetingController {

    private final MeetingService meetings;
    private final MeetingAccess access;
    private final Duration lateAfter;

    MeetingController(MeetingService meetings, MeetingAccess access, @Value("${chibo.meeting.late-after:PT15M}") Duration lateAfter) {
        this.meetings = meetings;
        this.access = access;
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
                         @Size(max = 10) List<@NotNull RestrictedMatter> restrictedMatters,
                         LocalDate closedOn,
                         @Size(max = 200) String reference) {
    }

    record Page<T>(List<T> items, int page, int size) {
    }

    @Operation(summary = "Ghi sinh hoạt chi bộ đã họp từ biên bản giấy (record a meeting held earlier from its paper minutes)",
            description = "Bí thư chi bộ, cán bộ đảng ủy hoặc quản trị thành phố, trong phạm vi của mình.")
    @PostMapping
    ResponseEntity<MeetingView> record(@Valid @RequestBody RecordRequest r, Caller caller) {
        access.createIn(caller, "record a meeting", r.branchId());
        RecordMeetingCommand command = new RecordMeetingCommand(r.branchId(), r.type(),
                r.mode() == null ? MeetingMode.IN_PERSON : r.mode(), r.scope() == null ? MeetingScope.BRANCH : r.scope(),
                r.cellId(), r.heldOn(), r.startedAt(), r.endedAt(), r.place(), r.topic(),
                r.attendance().stream().map(AttendanceLine::toLine).toList(), VoteCounts.of(r.vote()),
                MinutesPart.of(r.minutes()), RestrictedMatter.names(r.restrictedMatters()), r.closedOn(), r.reference(),
                caller.subject());
        Meeting m = meetings.record(command);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + m.getId())).body(view(m, caller));
    }

    @Operation(summary = "Xem một cuộc sinh hoạt chi bộ: lịch, điểm danh, biên bản, nghị quyết, biểu quyết (read a meeting)",
            description = "Mọi vai trò trong phạm vi của mình; đảng viên xem các cuộc họp của chi bộ mình. Mã điểm danh chỉ hiện cho người điều hành cuộc họp.")
    @GetMapping("/{id}")
    MeetingView get(@PathVariable String id, Caller caller) {
        Meeting m = meetings.get(id);
        access.read(caller, m);
        return view(m, caller);
    }

    @Operation(summary = "Các bản biên bản trước khi sửa đổi (earlier revisions of the minutes)",
            description = "Mọi vai trò trong phạm vi của mình.")
    @GetMapping("/{id}/amendments")
    List<Meeting.Revision> amendments(@PathVariable String id, Caller caller) {
        Meeting m = meetings.get(id);
        access.read(caller, m);
        return m.getAmendments();
    }

    @Operation(summary = "Danh sách sinh hoạt chi bộ của một chi bộ (a branch's meetings, latest first)",
            description = "Mọi vai trò có chi bộ trong phạm vi của mình; chi bộ chưa biết: danh sách rỗng.")
    @GetMapping
    Page<MeetingView> ofBranch(@RequestParam @NotBlank String branchId,
                               @RequestParam(required = false) MeetingStatus status,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                               Caller caller) {
        if (!access.readBranch(caller, "list the meetings of branch " + branchId, branchId)) {
            return new Page<>(List.of(), page, size);
        }
        return new Page<>(meetings.ofBranch(branchId, status, page, size).stream().map(m -> view(m, caller)).toList(), page, size);
    }

    /** The meeting as {@code caller} may see it: the check-in code only for those who run the meeting. */
    MeetingView view(Meeting m, Caller caller) {
        MeetingView view = MeetingView.of(m, lateAfter);
        return Roles.records(caller) ? view : view.withoutCheckInCode();
    }
}
