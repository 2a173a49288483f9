package org.chibo.meeting.record;

import java.time.Instant;

import org.chibo.chassis.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Điểm danh while a meeting is open: members check in with the meeting's code (or its QR payload), online, or the
 * secretary marks and corrects by hand; leaving early is kept apart from presence. All end when the minutes close.
 */
@Tag(name = "Điểm danh", description = "Check-in while a meeting is open")
@RestController
@RequestMapping("/api/v1/meetings/{id}")
@Validated
class CheckInController {

    private final MeetingService meetings;
    private final MeetingController views;
    private final MeetingAccess access;

    CheckInController(MeetingService meetings, MeetingController views, MeetingAccess access) {
        this.meetings = meetings;
        this.views = views;
        this.access = access;
    }

    /** method CODE (default) needs the code; SECRETARY is the secretary's hand; ONLINE for online or hybrid meetings. */
    record CheckInRequest(@NotBlank @Size(max = 64) String memberId, @Size(max = 64) String code, CheckInMethod method) {
    }

    record CorrectionRequest(@NotNull Attendance status, @Size(max = 500) String reason, Instant arrivedAt, Instant leftAt) {
    }

    record CheckOutRequest(@NotBlank @Size(max = 64) String memberId) {
    }

    /** What a member's phone needs back: their own line, not the meeting. */
    record CheckInView(String meetingId, String memberId, String attendance, Instant arrivedAt, CheckInMethod method) {
    }

    @Operation(summary = "Điểm danh: đảng viên tự điểm danh bằng mã hoặc trực tuyến, hoặc bí thư điểm danh hộ (check in)",
            description = "Đảng viên chỉ điểm danh cho chính mình (member_id của token), tại cuộc họp của chi bộ mình, bằng mã (CODE) "
                    + "hoặc trực tuyến (ONLINE); bí thư chi bộ điểm danh hộ bất kỳ ai trong danh sách, mọi cách.")
    @PostMapping("/check-ins")
    CheckInView checkIn(@PathVariable String id, @Valid @RequestBody CheckInRequest r, Caller caller) {
        CheckInMethod method = r.method() == null ? CheckInMethod.CODE : r.method();
        if (method == CheckInMethod.MINUTES) {
            throw new org.chibo.chassis.web.InvalidFieldException("method", "MINUTES is for records transcribed from paper");
        }
        access.checkIn(caller, r.memberId(), method);
        // a token bound to the meeting's own branch covers it: one conditional update, no read (a city in ten minutes)
        Meeting.CheckIn in = meetings.checkInAtBranch(caller.organisationId(), id, r.memberId(), r.code(), method)
                .orElseGet(() -> {
                    access.checkInAt(caller, meetings.get(id));
                    return meetings.checkIn(id, r.memberId(), r.code(), method);
                });
        return new CheckInView(id, r.memberId(), in.attendance(), in.arrivedAt(), in.method());
    }

    @Operation(summary = "Bí thư sửa điểm danh khi đang họp: có mặt, vắng có/không lý do, giờ đến, giờ về (correct attendance)",
            description = "Bí thư chi bộ, cán bộ đảng ủy hoặc quản trị thành phố, trong phạm vi của mình.")
    @PutMapping("/attendance/{memberId}")
    MeetingView correct(@PathVariable String id, @PathVariable String memberId, @Valid @RequestBody CorrectionRequest r, Caller caller) {
        access.change(caller, "correct the attendance of " + memberId + " at", meetings.get(id));
        return views.view(meetings.correct(id, memberId, new RecordMeetingCommand.Line(memberId, r.status(), r.reason(),
                r.arrivedAt(), r.leftAt())), caller);
    }

    @Operation(summary = "Về sớm: ghi đảng viên rời cuộc họp trước khi kết thúc (check out early)",
            description = "Đảng viên cho chính mình, tại cuộc họp của chi bộ mình; hoặc bí thư chi bộ, cán bộ đảng ủy, quản trị thành phố trong phạm vi.")
    @PostMapping("/check-outs")
    MeetingView checkOut(@PathVariable String id, @Valid @RequestBody CheckOutRequest r, Caller caller) {
        access.checkOut(caller, r.memberId(), meetings.get(id));
        return views.view(meetings.checkOut(id, r.memberId()), caller);
    }
}
