package org.chibo.meeting.record;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.chibo.chassis.security.Caller;
import org.chibo.meeting.record.MeetingRequests.AttendanceLine;
import org.chibo.meeting.record.MeetingRequests.MinutesPart;
import org.chibo.meeting.record.MeetingRequests.VoteCounts;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A meeting's life in the software: schedule (chuẩn bị), postpone (hoãn) or cancel, open (khai mạc), close with the
 * minutes (bế mạc), amend. Check-in while it is open is in {@link CheckInController}.
 */
@Tag(name = "Sinh hoạt chi bộ", description = "Meetings of party branches: schedule, check-in, minutes, resolutions")
@RestController
@RequestMapping("/api/v1/meetings")
@Validated
class LifecycleController {

    private final MeetingService meetings;
    private final MeetingController views;
    private final MeetingAccess access;

    LifecycleController(MeetingService meetings, MeetingController views, MeetingAccess access) {
        this.meetings = meetings;
        this.views = views;
        this.access = access;
    }

    record ScheduleRequest(@NotBlank @Size(max = 64) String branchId, @NotNull MeetingType type, MeetingMode mode,
                           MeetingScope scope, @Size(max = 64) String cellId, @NotNull LocalDate on, Instant startsAt,
                           @Size(max = 300) String place, @Size(max = 300) String topic,
                           @Size(max = 50) List<@NotNull @Size(max = 1000) String> agenda, @Size(max = 200) String reference) {
    }

    record YearRequest(@NotBlank @Size(max = 64) String branchId, @Min(2000) @Max(2100) int year, @Min(1) @Max(31) Integer day,
                       LocalTime at, @Size(max = 300) String place) {
    }

    record PostponeRequest(@NotNull LocalDate to, @NotBlank @Size(max = 1000) String reason) {
    }

    record CancelRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record AbsenceLine(@NotBlank @Size(max = 64) String memberId, @NotNull Attendance status, @Size(max = 500) String reason) {
    }

    record CloseRequest(@NotNull @Valid MinutesPart minutes, @Valid VoteCounts vote,
                        @Size(max = 2000) List<@Valid @NotNull AbsenceLine> absences,
                        @Size(max = 10) List<@NotNull RestrictedMatter> restrictedMatters) {
    }

    /** A part left out stays as it was; {@code restrictedMatters} {@code []} says the meeting handled none. */
    record AmendRequest(@NotBlank @Size(max = 1000) String reason, @Valid MinutesPart minutes, @Valid VoteCounts vote,
                        @Size(max = 2000) List<@Valid @NotNull AttendanceLine> attendance,
                        @Size(max = 10) List<@NotNull RestrictedMatter> restrictedMatters) {
    }

    @Operation(summary = "Chuẩn bị sinh hoạt chi bộ: đưa cuộc họp vào lịch (schedule a meeting)",
            description = "Bí thư chi bộ, cán bộ đảng ủy hoặc quản trị thành phố, trong phạm vi của mình.")
    @PostMapping("/schedule")
    ResponseEntity<MeetingView> schedule(@Valid @RequestBody ScheduleRequest r, Caller caller) {
        access.createIn(caller, "schedule a meeting", r.branchId());
        Meeting m = meetings.schedule(new MeetingService.ScheduleCommand(r.branchId(), r.type(),
                r.mode() == null ? MeetingMode.IN_PERSON : r.mode(), r.scope() == null ? MeetingScope.BRANCH : r.scope(),
                r.cellId(), r.on(), r.startsAt(), r.place(), r.topic(), r.agenda(), r.reference(), caller.subject()));
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + m.getId())).body(views.view(m, caller));
    }

    /** The year's regular meetings on the branch's fixed day; months already on the calendar are left alone. */
    @Operation(summary = "Lập lịch sinh hoạt thường kỳ cả năm của chi bộ (schedule the year's regular meetings)",
            description = "Bí thư chi bộ, cán bộ đảng ủy hoặc quản trị thành phố, trong phạm vi của mình.")
    @PostMapping("/schedule/year")
    List<MeetingView> scheduleYear(@Valid @RequestBody YearRequest r, Caller caller) {
        access.createIn(caller, "schedule the year's meetings", r.branchId());
        return meetings.scheduleYear(r.branchId(), r.year(), r.day(), r.at(), r.place(), caller.subject()).stream()
                .map(m -> views.view(m, caller)).toList();
    }

    @Operation(summary = "Hoãn sinh hoạt chi bộ trong kỳ (postpone within its period)",
            description = "Bí thư chi bộ, cán bộ đảng ủy hoặc quản trị thành phố, trong phạm vi của mình.")
    @PostMapping("/{id}/postpone")
    MeetingView postpone(@PathVariable String id, @Valid @RequestBody PostponeRequest r, Caller caller) {
        access.change(caller, "postpone", meetings.get(id));
        return views.view(meetings.postpone(id, r.to(), r.reason().strip(), caller.subject()), caller);
    }

    @Operation(summary = "Hủy sinh hoạt chi bộ, có lý do (cancel a meeting)",
            description = "Bí thư chi bộ, cán bộ đảng ủy hoặc quản trị thành phố, trong phạm vi của mình.")
    @PostMapping("/{id}/cancel")
    MeetingView cancel(@PathVariable String id, @Valid @RequestBody CancelRequest r, Caller caller) {
        access.change(caller, "cancel", meetings.get(id));
        return views.view(meetings.cancel(id, r.reason().strip(), caller.subject()), caller);
    }

    @Operation(summary = "Khai mạc: chốt danh sách của ngày họp, cấp mã điểm danh và mã QR (open a meeting)",
            description = "Bí thư chi bộ, cán bộ đảng ủy hoặc quản trị thành phố, trong phạm vi của mình.")
    @PostMapping("/{id}/open")
    MeetingView open(@PathVariable String id, Caller caller) {
        access.change(caller, "open", meetings.get(id));
        return views.view(meetings.open(id, caller.subject()), caller);
    }

    @Operation(summary = "Bế mạc: thông qua biên bản, nghị quyết và kết quả biểu quyết (close with the minutes)",
            description = "Bí thư chi bộ, cán bộ đảng ủy hoặc quản trị thành phố, trong phạm vi của mình.")
    @PostMapping("/{id}/close")
    MeetingView close(@PathVariable String id, @Valid @RequestBody CloseRequest r, Caller caller) {
        access.change(caller, "close", meetings.get(id));
        List<MeetingService.Absence> absences = r.absences() == null ? List.of()
                : r.absences().stream().map(a -> new MeetingService.Absence(a.memberId(), a.status(), a.reason())).toList();
        return views.view(meetings.close(id, r.minutes().toMinutes(), VoteCounts.of(r.vote()), absences,
                RestrictedMatter.names(r.restrictedMatters()), caller.subject()), caller);
    }

    @Operation(summary = "Sửa đổi biên bản đã ghi, có lý do; bản trước được giữ lại (amend the minutes)",
            description = "Bí thư chi bộ, cán bộ đảng ủy hoặc quản trị thành phố, trong phạm vi của mình.")
    @PostMapping("/{id}/amendments")
    MeetingView amend(@PathVariable String id, @Valid @RequestBody AmendRequest r, Caller caller) {
        access.change(caller, "amend", meetings.get(id));
        List<RecordMeetingCommand.Line> corrections = r.attendance() == null ? null
                : r.attendance().stream().map(AttendanceLine::toLine).toList();
        return views.view(meetings.amend(id, MinutesPart.of(r.minutes()), VoteCounts.of(r.vote()), corrections,
                RestrictedMatter.names(r.restrictedMatters()),
                r.reason().strip(), caller.subject()), caller);
    }
}
