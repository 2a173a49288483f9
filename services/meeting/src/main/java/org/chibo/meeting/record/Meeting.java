package org.chibo.meeting.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.meeting.MeetingAmended;
import org.chibo.contracts.meeting.MeetingCancelled;
import org.chibo.contracts.meeting.MeetingOpened;
import org.chibo.contracts.meeting.MeetingPostponed;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.contracts.meeting.MeetingRecorded.Minutes;
import org.chibo.contracts.meeting.MeetingScheduled;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A meeting (sinh hoạt chi bộ) from the calendar to its record (biên bản): SCHEDULED → OPEN → RECORDED, or CANCELLED;
 * a recorded meeting may be amended, every revision kept. Each step's event waits in {@code pendingEvents}, saved in
 * the same document write as the step itself (the outbox in the aggregate).
 */
@Document(Meeting.COLLECTION)
public class Meeting {

    public static final String COLLECTION = "meetings";

    @Id
    private String id;
    /** Unique: a branch's one regular meeting per period and scope, or the meeting's own id (see {@link #slotOf}). */
    private String slot;
    /** Unique: the client's reference for the meeting, or the meeting's own id when none was given. */
    private String reference;
    private String branchId;
    private String organisationPath;
    private MeetingType type;
    private MeetingScope scope;
    private String cellId;
    private MeetingMode mode;
    private String period;
    private MeetingStatus status;
    private LocalDate scheduledFor;
    private Instant startsAt;
    private String place;
    private String topic;
    private List<String> agenda;
    private LocalDate heldOn;
    private Instant startedAt;
    private Instant endedAt;
    private LocalDate closedOn;
    private Instant recordedAt;
    /** Whether the record was closed in the software (every minutes part required) or transcribed from paper. */
    private boolean transcribed;
    private List<Attendee> roster;
    /** While the meeting is open: who checked in, how, and when, by member id. */
    private Map<String, CheckIn> checkIns;
    private String checkInCode;
    private MeetingRecorded.Vote vote;
    private Minutes minutes;
    /** The restricted matters (nội dung mật / nhân sự) the meeting handled, {@link RestrictedMatter} names; null: not said. */
    private List<String> restrictedMatters;
    private int revision;
    private List<Revision> amendments = new ArrayList<>();
    private List<Step> history = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    /** One member's presence while the meeting is open. */
    public record CheckIn(String attendance, String reason, Instant arrivedAt, Instant leftAt, CheckInMethod method) {
    }

    /** A step of the meeting's life: who did what, when, and why. */
    public record Step(String action, String by, Instant at, String note) {
    }

    /** The record as it stood before an amendment, with who changed it, when and why. */
    public record Revision(int revision, String reason, String by, Instant at, List<Attendee> roster,
                           MeetingRecorded.Vote vote, Minutes minutes, List<String> restrictedMatters) {
    }

    protected Meeting() {
    }

    private Meeting(String id, String reference, String branchId, String organisationPath, MeetingType type,
                    MeetingScope scope, String cellId, MeetingMode mode, String topic, String place) {
        this.id = id;
        this.reference = reference == null ? id : reference;
        this.branchId = branchId;
        this.organisationPath = organisationPath;
        this.type = type;
        this.scope = scope;
        this.cellId = cellId;
        this.mode = mode;
        this.topic = topic;
        this.place = place;
    }

    /** Puts a meeting on the calendar (chuẩn bị). */
    static Meeting schedule(String id, String reference, String branchId, String path, MeetingType type, MeetingScope scope,
                            String cellId, MeetingMode mode, LocalDate on, Instant startsAt, String place, String topic,
                            List<String> agenda, String by, Instant now) {
        Meeting m = new Meeting(id, reference, branchId, path, type, scope, cellId, mode, topic, place);
        m.status = MeetingStatus.SCHEDULED;
        m.scheduledFor = on;
        m.startsAt = startsAt;
        m.agenda = agenda == null ? List.of() : List.copyOf(agenda);
        m.period = Periods.of(type, on);
        m.slot = slotOf(m);
        m.step("SCHEDULED", by, now, "for " + on);
        m.raise(EventCatalogue.MEETING_SCHEDULED, new MeetingScheduled(id, branchId, path, type.name(), scope.name(), cellId,
                mode.name(), m.period, on, startsAt, place, topic, now), now);
        return m;
    }

    /** Records a meeting held earlier from its paper minutes, which are kept as they are, gaps included. */
    static Meeting transcribe(String id, String reference, String branchId, String path, MeetingType type, MeetingScope scope,
                              String cellId, MeetingMode mode, LocalDate heldOn, Instant startedAt, Instant endedAt,
                              String place, String topic, List<Attendee> roster, MeetingRecorded.Vote vote, Minutes minutes,
                              List<String> restrictedMatters, LocalDate closedOn, String by, Instant now) {
        Meeting m = new Meeting(id, reference, branchId, path, type, scope, cellId, mode, topic, place);
        m.scheduledFor = heldOn;
        m.heldOn = heldOn;
        m.period = Periods.of(type, heldOn);
        m.startedAt = startedAt;
        m.endedAt = endedAt;
        m.roster = List.copyOf(roster);
        m.vote = vote;
        m.minutes = minutes;
        m.restrictedMatters = restrictedMatters;
        m.closedOn = closedOn;
        m.transcribed = true;
        m.slot = slotOf(m);
        m.record(by, now, "transcribed from the paper minutes");
        return m;
    }

    void postpone(LocalDate to, String reason, String by, Instant now) {
        requireStatus("postpone", MeetingStatus.SCHEDULED);
        LocalDate from = scheduledFor;
        scheduledFor = to;
        if (startsAt != null) {
            startsAt = startsAt.plus(java.time.Duration.between(from.atStartOfDay(), to.atStartOfDay()));
        }
        step("POSTPONED", by, now, "from " + from + " to " + to + ": " + reason);
        raise(EventCatalogue.MEETING_POSTPONED, new MeetingPostponed(id, branchId, organisationPath, type.name(), period,
                from, to, reason, by, now), now);
    }

    void cancel(String reason, String by, Instant now) {
        requireStatus("cancel", MeetingStatus.SCHEDULED, MeetingStatus.OPEN);
        status = MeetingStatus.CANCELLED;
        checkInCode = null;
        slot = "cancelled|" + id; // the period's regular meeting may be scheduled again
        step("CANCELLED", by, now, reason);
        raise(EventCatalogue.MEETING_CANCELLED, new MeetingCancelled(id, branchId, organisationPath, type.name(), period,
                scheduledFor, reason, by, now), now);
    }

    /** Opens the meeting (khai mạc): the roster as it stands today is fixed, and check-in begins. */
    void open(List<Attendee> snapshot, String code, LocalDate today, String by, Instant now) {
        requireStatus("open", MeetingStatus.SCHEDULED);
        status = MeetingStatus.OPEN;
        heldOn = today;
        startedAt = now;
        roster = List.copyOf(snapshot);
        checkIns = new LinkedHashMap<>();
        checkInCode = code;
        int expected = (int) snapshot.stream().filter(a -> !a.exempt()).count();
        step("OPENED", by, now, expected + " expected");
        raise(EventCatalogue.MEETING_OPENED, new MeetingOpened(id, branchId, organisationPath, type.name(), today, expected, now), now);
    }

    /** Closes the minutes (bế mạc): check-in ends, presence becomes the roster's attendance, the record is published. */
    void close(List<Attendee> attended, MeetingRecorded.Vote vote, Minutes minutes, List<String> restrictedMatters,
               LocalDate today, String by, Instant now) {
        requireStatus("close", MeetingStatus.OPEN);
        roster = List.copyOf(attended);
        this.vote = vote;
        this.minutes = minutes;
        this.restrictedMatters = restrictedMatters;
        endedAt = now;
        closedOn = today;
        checkInCode = null;
        checkIns = null;
        record(by, now, "closed and signed");
    }

    /** Replaces the record's roster, vote, minutes and restricted matters; the record as it stood is kept as a revision. */
    void amend(List<Attendee> roster, MeetingRecorded.Vote vote, Minutes minutes, List<String> restrictedMatters,
               String reason, String by, Instant now) {
        requireStatus("amend", MeetingStatus.RECORDED);
        amendments.add(new Revision(revision, reason, by, now, this.roster, this.vote, this.minutes, this.restrictedMatters));
        revision++;
        this.roster = List.copyOf(roster);
        this.vote = vote;
        this.minutes = minutes;
        this.restrictedMatters = restrictedMatters;
        step("AMENDED", by, now, reason);
        raise(EventCatalogue.MEETING_AMENDED, new MeetingAmended(toRecorded(), revision, reason, by, now), now);
    }

    private void record(String by, Instant now, String note) {
        status = MeetingStatus.RECORDED;
        recordedAt = now;
        step("RECORDED", by, now, note);
        raise(EventCatalogue.MEETING_RECORDED, toRecorded(), now);
    }

    /** The full record as the events carry it, so no consumer ever has to ask for more. */
    MeetingRecorded toRecorded() {
        return new MeetingRecorded(id, branchId, organisationPath, type.name(), mode.name(), heldOn, startedAt, endedAt,
                recordedAt, topic, roster, vote, scope.name(), cellId, period, place, closedOn, minutes, restrictedMatters);
    }

    /** A branch holds one regular meeting a month for each scope (the whole branch, or each cell). */
    private static String slotOf(Meeting m) {
        return m.type == MeetingType.REGULAR ? regularSlot(m.branchId, m.scope, m.cellId, m.period) : "meeting|" + m.id;
    }

    static String regularSlot(String branchId, MeetingScope scope, String cellId, String period) {
        return "regular|" + branchId + "|" + scope + "|" + (cellId == null ? "" : cellId) + "|" + period;
    }

    private void requireStatus(String action, MeetingStatus... allowed) {
        for (MeetingStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new org.chibo.chassis.web.ConflictException("status", "a " + status + " meeting cannot " + action
                + " (allowed when " + java.util.Arrays.toString(allowed) + ")");
    }

    private void step(String action, String by, Instant at, String note) {
        history.add(new Step(action, by, at, note));
    }

    private <T> void raise(org.chibo.contracts.EventType<T> type, T data, Instant at) {
        pendingEvents.add(PendingEvent.of(type, branchId, id, data, at));
    }

    /** Gives the events this command raised the command's trace, so it continues through Kafka. */
    void stampNew(java.util.function.UnaryOperator<PendingEvent> stamp) {
        pendingEvents.replaceAll(e -> e.traceparent() == null ? stamp.apply(e) : e);
    }

    public String getId() { return id; }
    public String getSlot() { return slot; }
    public String getReference() { return reference; }
    public String getBranchId() { return branchId; }
    public String getOrganisationPath() { return organisationPath; }
    public MeetingType getType() { return type; }
    public MeetingScope getScope() { return scope; }
    public String getCellId() { return cellId; }
    public MeetingMode getMode() { return mode; }
    public String getPeriod() { return period; }
    public MeetingStatus getStatus() { return status; }
    public LocalDate getScheduledFor() { return scheduledFor; }
    public Instant getStartsAt() { return startsAt; }
    public String getPlace() { return place; }
    public String getTopic() { return topic; }
    public List<String> getAgenda() { return agenda; }
    public LocalDate getHeldOn() { return heldOn; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public LocalDate getClosedOn() { return closedOn; }
    public Instant getRecordedAt() { return recordedAt; }
    public boolean isTranscribed() { return transcribed; }
    public List<Attendee> getRoster() { return roster; }
    public Map<String, CheckIn> getCheckIns() { return checkIns; }
    public String getCheckInCode() { return checkInCode; }
    public MeetingRecorded.Vote getVote() { return vote; }
    public Minutes getMinutes() { return minutes; }
    public List<String> getRestrictedMatters() { return restrictedMatters; }
    public int getRevision() { return revision; }
    public List<Revision> getAmendments() { return amendments; }
    public List<Step> getHistory() { return history; }
}
