package org.chibo.meeting.record;

import java.time.Instant;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Điểm danh while a meeting is open: members check in with the meeting's code (or its QR payload), online, or the
 * secretary marks and corrects by hand; leaving early is kept apart from presence. All end when the minutes close.
 */
@RestController
@RequestMapping("/api/v1/meetings/{id}")
@Validated
class CheckInController {

    private final MeetingService meetings;
    private final MeetingController views;

    CheckInController(MeetingService meetings, MeetingController views) {
        this.meetings = meetings;
        this.views = views;
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

    @PostMapping("/check-ins")
    CheckInView checkIn(@PathVariable String id, @Valid @RequestBody CheckInRequest r) {
        CheckInMethod method = r.method() == null ? CheckInMethod.CODE : r.method();
        if (method == CheckInMethod.MINUTES) {
            throw new org.chibo.chassis.web.InvalidFieldException("method", "MINUTES is for records transcribed from paper");
        }
        Meeting.CheckIn in = meetings.checkIn(id, r.memberId(), r.code(), method);
        return new CheckInView(id, r.memberId(), in.attendance(), in.arrivedAt(), in.method());
    }

    @PutMapping("/attendance/{memberId}")
    MeetingView correct(@PathVariable String id, @PathVariable String memberId, @Valid @RequestBody CorrectionRequest r) {
        return views.view(meetings.correct(id, memberId, new RecordMeetingCommand.Line(memberId, r.status(), r.reason(),
                r.arrivedAt(), r.leftAt())));
    }

    @PostMapping("/check-outs")
    MeetingView checkOut(@PathVariable String id, @Valid @RequestBody CheckOutRequest r) {
        return views.view(meetings.checkOut(id, r.memberId()));
    }
}
