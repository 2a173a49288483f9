package org.chibo.meeting.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A meeting's record (biên bản), with the roster as it stood, and the events it raised waiting in {@code pendingEvents}. */
@Document(Meeting.COLLECTION)
public class Meeting {

    public static final String COLLECTION = "meetings";

    @Id
    private String id;
    private String branchId;
    private String organisationPath;
    private MeetingType type;
    private MeetingMode mode;
    private LocalDate heldOn;
    private Instant startedAt;
    private Instant endedAt;
    private String topic;
    private List<MeetingRecorded.Attendee> roster;
    private MeetingRecorded.Vote vote;
    private Instant recordedAt;
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected Meeting() {
    }

    Meeting(String id, String branchId, String organisationPath, MeetingType type, MeetingMode mode, LocalDate heldOn,
            Instant startedAt, Instant endedAt, String topic, List<MeetingRecorded.Attendee> roster,
            MeetingRecorded.Vote vote, Instant recordedAt) {
        this.id = id;
        this.branchId = branchId;
        this.organisationPath = organisationPath;
        this.type = type;
        this.mode = mode;
        this.heldOn = heldOn;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.topic = topic;
        this.roster = List.copyOf(roster);
        this.vote = vote;
        this.recordedAt = recordedAt;
    }

    /** The full record as the event carries it, so no consumer ever has to ask for more. */
    MeetingRecorded toRecordedEvent() {
        return new MeetingRecorded(id, branchId, organisationPath, type.name(), mode.name(), heldOn, startedAt, endedAt,
                recordedAt, topic, roster, vote);
    }

    void raise(PendingEvent event) {
        pendingEvents.add(event);
    }

    public String getId() {
        return id;
    }

    public String getBranchId() {
        return branchId;
    }

    public MeetingType getType() {
        return type;
    }

    public MeetingMode getMode() {
        return mode;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getTopic() {
        return topic;
    }

    public List<MeetingRecorded.Attendee> getRoster() {
        return roster;
    }

    public MeetingRecorded.Vote getVote() {
        return vote;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
