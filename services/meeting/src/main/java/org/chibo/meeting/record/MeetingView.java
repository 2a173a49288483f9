package org.chibo.meeting.record;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chibo.contracts.meeting.MeetingRecorded;

/**
 * A meeting as the API shows it. {@code missingParts} lists the parts of the minutes the record lacks (for a record
 * transcribed from paper); {@code checkIn} is there only while the meeting is open.
 */
record MeetingView(String id, String reference, String branchId, MeetingType type, MeetingScope scope, String cellId,
                   MeetingMode mode, String period, MeetingStatus status, LocalDate scheduledFor, Instant startsAt,
                   String place, String topic, List<String> agenda, LocalDate heldOn, Instant startedAt, Instant endedAt,
                   LocalDate closedOn, Instant recordedAt, List<MeetingRecorded.Attendee> roster,
                   Map<String, Meeting.CheckIn> checkIns, List<String> lateArrivals, MeetingRecorded.Vote vote,
                   MeetingRecorded.Minutes minutes, List<String> restrictedMatters, List<String> missingParts, int revision,
                   CheckInDetails checkIn,
                   List<Meeting.Step> history) {

    /** What the meeting's screen shows while it is open: the code and the QR payload; both expire at close. */
    record CheckInDetails(String code, String qrPayload) {
    }

    /** The same meeting without the code and QR payload: a member who could read them could check in from anywhere. */
    MeetingView withoutCheckInCode() {
        return new MeetingView(id, reference, branchId, type, scope, cellId, mode, period, status, scheduledFor, startsAt, place,
                topic, agenda, heldOn, startedAt, endedAt, closedOn, recordedAt, roster, checkIns, lateArrivals, vote, minutes,
                restrictedMatters, missingParts, revision, null, history);
    }

    static MeetingView of(Meeting m, Duration lateAfter) {
        CheckInDetails checkIn = m.getCheckInCode() == null ? null
                : new CheckInDetails(m.getCheckInCode(), CheckInCode.qrPayload(m.getId(), m.getCheckInCode()));
        List<String> missing = m.getStatus() == MeetingStatus.RECORDED ? MinutesCheck.missingParts(m.getMinutes()) : List.of();
        return new MeetingView(m.getId(), m.getReference(), m.getBranchId(), m.getType(), m.getScope(), m.getCellId(), m.getMode(),
                m.getPeriod(), m.getStatus(), m.getScheduledFor(), m.getStartsAt(), m.getPlace(), m.getTopic(), m.getAgenda(),
                m.getHeldOn(), m.getStartedAt(), m.getEndedAt(), m.getClosedOn(), m.getRecordedAt(), m.getRoster(),
                m.getCheckIns(), lateArrivals(m, lateAfter), m.getVote(), m.getMinutes(), m.getRestrictedMatters(), missing,
                m.getRevision(), checkIn,
                m.getHistory());
    }

    /** Members who arrived later than the start plus the allowance: kept apart from presence (đến muộn). */
    private static List<String> lateArrivals(Meeting m, Duration lateAfter) {
        Instant start = m.getStartsAt() != null ? m.getStartsAt() : m.getStartedAt();
        if (start == null) {
            return List.of();
        }
        Instant limit = start.plus(lateAfter);
        if (m.getCheckIns() != null) {
            return m.getCheckIns().entrySet().stream().filter(e -> e.getValue().arrivedAt() != null
                    && e.getValue().arrivedAt().isAfter(limit)).map(Map.Entry::getKey).sorted().toList();
        }
        return m.getRoster() == null ? List.of() : m.getRoster().stream()
                .filter(a -> a.arrivedAt() != null && a.arrivedAt().isAfter(limit)).map(MeetingRecorded.Attendee::memberId).toList();
    }
}
