package org.chibo.meeting.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.meeting.roster.BranchRosters;
import org.chibo.meeting.roster.BranchRoster;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class MeetingService {

    private final MongoTemplate mongo;
    private final BranchRosters rosters;
    private final Outbox outbox;
    private final Clock clock;

    MeetingService(MongoTemplate mongo, BranchRosters rosters, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.rosters = rosters;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(Meeting.COLLECTION).createIndex(new Index().on("branchId", Sort.Direction.ASC).on("heldOn", Sort.Direction.DESC));
    }

    public Meeting record(RecordMeetingCommand c) {
        BranchRoster branch = rosters.branch(c.branchId()).orElseThrow(() -> new InvalidFieldException("branchId",
                "branch " + c.branchId() + " is not known to the meeting service (yet): registered branches arrive from membership within seconds"));
        if (!branch.holdsMeetings()) {
            throw new InvalidFieldException("branchId", branch.dissolvedOn() != null
                    ? branch.name() + " was dissolved on " + branch.dissolvedOn()
                    : branch.kind() + " " + branch.name() + " is not a branch (chi bộ)");
        }
        if (c.heldOn().isAfter(BusinessDates.today(clock))) {
            throw new InvalidFieldException("heldOn", "a meeting held on " + c.heldOn() + " is in the future; schedule it instead");
        }
        if (c.mode() != MeetingMode.IN_PERSON && !branch.mayMeetOnline(c.heldOn())) {
            throw new InvalidFieldException("mode", branch.name() + " is not approved for online meetings on " + c.heldOn()
                    + " (Hướng dẫn 03-HD/TW: only branches approved as eligible)");
        }
        if (c.startedAt() != null && c.endedAt() != null && !c.endedAt().isAfter(c.startedAt())) {
            throw new InvalidFieldException("endedAt", "the meeting must end after it started");
        }
        List<MeetingRecorded.Attendee> attendees = RosterCheck.attendees(branch.memberList(), c.attendance(), c.heldOn());
        RosterCheck.checkVote(attendees, c.vote());

        MeetingRecorded.Vote vote = c.vote() == null ? null
                : new MeetingRecorded.Vote(c.vote().inFavour(), c.vote().against(), c.vote().abstained());
        Meeting meeting = new Meeting(UUID.randomUUID().toString(), branch.branchId(), branch.path(), c.type(), c.mode(), c.heldOn(),
                c.startedAt(), c.endedAt(), blankToNull(c.topic()), attendees, vote, clock.instant());
        meeting.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEETING_RECORDED, branch.branchId(), meeting.getId(),
                meeting.toRecordedEvent(), meeting.getRecordedAt())));
        mongo.insert(meeting);
        outbox.publishSoon(Meeting.COLLECTION, meeting.getId());
        return meeting;
    }

    public Meeting get(String id) {
        Meeting meeting = mongo.findById(id, Meeting.class);
        if (meeting == null) {
            throw new NotFoundException("meeting", id);
        }
        return meeting;
    }

    public List<Meeting> ofBranch(String branchId, int page, int size) {
        Query q = Query.query(Criteria.where("branchId").is(branchId))
                .with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "heldOn")));
        return mongo.find(q, Meeting.class);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
