package org.chibo.meeting.record;

import org.chibo.chassis.store.Exists;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.ConflictException;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.meeting.roster.BranchRoster;
import org.chibo.meeting.roster.BranchRosters;
import org.chibo.meeting.roster.RosterMember;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The meeting's commands: each loads the meeting (or the branch's roster), lets the aggregate take the step, and
 * saves it with its new events in one document write, then asks the outbox to publish them now.
 */
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
        // records written before the lifecycle existed were all transcribed, one per meeting: give them the fields
        // the unique indexes need, so the indexes can be built over them (a no-op once done)
        for (org.bson.Document old : mongo.find(Query.query(Criteria.where("slot").exists(false)), org.bson.Document.class, Meeting.COLLECTION)) {
            String id = old.getString("_id");
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("slot", "meeting|" + id)
                    .set("reference", id).set("status", MeetingStatus.RECORDED).set("scope", MeetingScope.BRANCH)
                    .set("transcribed", true).set("scheduledFor", old.get("heldOn")), Meeting.COLLECTION);
        }
        mongo.indexOps(Meeting.COLLECTION).createIndex(new Index().on("slot", Sort.Direction.ASC).unique().named("slot"));
        mongo.indexOps(Meeting.COLLECTION).createIndex(new Index().on("reference", Sort.Direction.ASC).unique().named("reference"));
        mongo.indexOps(Meeting.COLLECTION).createIndex(new Index().on("branchId", Sort.Direction.ASC).on("heldOn", Sort.Direction.DESC));
    }

    /** Records a meeting held earlier from its paper minutes (biên bản), gaps included, for inspection to judge. */
    public Meeting record(RecordMeetingCommand c) {
        BranchRoster branch = rosters.activeBranch(c.branchId());
        LocalDate today = BusinessDates.today(clock);
        if (c.heldOn().isAfter(today)) {
            throw new InvalidFieldException("heldOn", "a meeting held on " + c.heldOn() + " is in the future; schedule it instead");
        }
        LocalDate closedOn = c.closedOn() == null ? today : c.closedOn();
        if (closedOn.isBefore(c.heldOn())) {
            throw new InvalidFieldException("closedOn", "the minutes cannot be closed (" + closedOn + ") before the meeting was held (" + c.heldOn() + ")");
        }
        if (closedOn.isAfter(today)) {
            throw new InvalidFieldException("closedOn", "the minutes cannot be closed on " + closedOn + ", a day still to come");
        }
        checkKind(c.type(), c.topic());
        checkMode(branch, c.mode(), c.heldOn());
        if (c.startedAt() != null && c.endedAt() != null && !c.endedAt().isAfter(c.startedAt())) {
            throw new InvalidFieldException("endedAt", "the meeting must end after it started");
        }
        List<RosterMember> rolls = rolls(branch, c.scope(), c.cellId());
        List<Attendee> attendees = RosterCheck.attendees(rolls, c.attendance(), c.heldOn());
        RosterCheck.checkVote(attendees, c.vote());
        MinutesCheck.checkPeople(c.minutes(), attendees);

        Meeting meeting = Meeting.transcribe(UUID.randomUUID().toString(), blankToNull(c.reference()), branch.branchId(),
                branch.path(), c.type(), c.scope(), c.cellId(), c.mode(), c.heldOn(), c.startedAt(), c.endedAt(),
                blankToNull(c.place()), blankToNull(c.topic()), attendees, c.vote() == null ? null : c.vote().toRecorded(),
                c.minutes(), c.restrictedMatters(), closedOn, c.by(), clock.instant());
        return insert(meeting);
    }

    public record ScheduleCommand(String branchId, MeetingType type, MeetingMode mode, MeetingScope scope, String cellId,
                                  LocalDate on, Instant startsAt, String place, String topic, List<String> agenda,
                                  String reference, String by) {
    }

    /** Puts a meeting on the branch's calendar (chuẩn bị). */
    public Meeting schedule(ScheduleCommand c) {
        BranchRoster branch = rosters.activeBranch(c.branchId());
        if (c.on().isBefore(BusinessDates.today(clock))) {
            throw new InvalidFieldException("on", c.on() + " has passed: record a meeting already held with its minutes instead");
        }
        checkKind(c.type(), c.topic());
        checkMode(branch, c.mode(), c.on());
        rolls(branch, c.scope(), c.cellId()); // the cell must be the branch's
        return insert(Meeting.schedule(UUID.randomUUID().toString(), blankToNull(c.reference()), branch.branchId(), branch.path(),
                c.type(), c.scope(), c.cellId(), c.mode(), c.on(), c.startsAt(), blankToNull(c.place()), blankToNull(c.topic()),
                c.agenda(), c.by(), clock.instant()));
    }

    /**
     * The year's regular meetings on the branch's fixed day (or {@code day} when given), from the current month on;
     * months that already have their regular meeting are left as they are, so asking twice changes nothing.
     */
    public List<Meeting> scheduleYear(String branchId, int year, Integer day, java.time.LocalTime at, String place, String by) {
        BranchRoster branch = rosters.activeBranch(branchId);
        Integer meetingDay = day != null ? day : branch.meetingDay();
        if (meetingDay == null) {
            throw new InvalidFieldException("day", branch.name() + " has no fixed meeting day: give the day of the month");
        }
        LocalDate today = BusinessDates.today(clock);
        List<Meeting> scheduled = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            LocalDate on = LocalDate.of(year, month, Math.min(meetingDay, java.time.YearMonth.of(year, month).lengthOfMonth()));
            if (on.isBefore(today) || Exists.any(mongo, Query.query(Criteria.where("slot").is(
                    Meeting.regularSlot(branchId, MeetingScope.BRANCH, null, Periods.of(MeetingType.REGULAR, on)))), Meeting.class)) {
                continue;
            }
            Instant startsAt = at == null ? null : on.atTime(at).atZone(BusinessDates.ZONE).toInstant();
            scheduled.add(insert(Meeting.schedule(UUID.randomUUID().toString(), null, branchId, branch.path(), MeetingType.REGULAR,
                    MeetingScope.BRANCH, null, MeetingMode.IN_PERSON, on, startsAt, blankToNull(place), null, List.of(), by,
                    clock.instant())));
        }
        return scheduled;
    }

    public Meeting postpone(String id, LocalDate to, String reason, String by) {
        return change(id, m -> {
            if (to.isBefore(BusinessDates.today(clock))) {
                throw new InvalidFieldException("to", to + " has passed");
            }
            if (!Periods.contains(m.getType(), m.getPeriod(), to)) {
                throw new InvalidFieldException("to", "the " + m.getType() + " meeting of " + m.getPeriod() + " must be held within "
                        + m.getPeriod() + "; " + to + " is outside it (cancel it with its reason instead)");
            }
            m.postpone(to, reason, by, clock.instant());
        });
    }

    public Meeting cancel(String id, String reason, String by) {
        return change(id, m -> m.cancel(reason, by, clock.instant()));
    }

    /** Opens the meeting on its day: the roster of the day is fixed and a check-in code issued. */
    public Meeting open(String id, String by) {
        return change(id, m -> {
            LocalDate today = BusinessDates.today(clock);
            if (m.getStatus() == MeetingStatus.SCHEDULED && !today.equals(m.getScheduledFor())) {
                throw new InvalidFieldException("scheduledFor", "the meeting is scheduled for " + m.getScheduledFor()
                        + ", not today (" + today + "): postpone it to today first");
            }
            BranchRoster branch = rosters.activeBranch(m.getBranchId());
            m.open(RosterCheck.snapshot(rolls(branch, m.getScope(), m.getCellId()), today), CheckInCode.next(), today, by, clock.instant());
        });
    }

    /**
     * A member checks in with the meeting's code, online, or is checked in by the secretary. Twice is once. The
     * happy path is one conditional update (the meeting open, the code right, the member on its roster and not yet
     * present), so a whole city checking in at once costs one store round trip each; only a refused update reads
     * the meeting, to say why.
     */
    public Meeting.CheckIn checkIn(String id, String memberId, String code, CheckInMethod method) {
        Optional<Meeting.CheckIn> done = tryCheckIn(Criteria.where("_id").is(id), memberId, code, method);
        if (done.isPresent()) {
            return done.get();
        }
        Meeting m = get(id);
        requireOpen(m, "check in");
        Attendee member = onRoster(m, memberId);
        Meeting.CheckIn already = m.getCheckIns() == null ? null : m.getCheckIns().get(member.memberId());
        if (already != null && "PRESENT".equals(already.attendance())) {
            return already;
        }
        if (method == CheckInMethod.CODE && (code == null || !code.equalsIgnoreCase(m.getCheckInCode()))) {
            throw new InvalidFieldException("code", "the check-in code is not this meeting's");
        }
        if (method == CheckInMethod.ONLINE && m.getMode() == MeetingMode.IN_PERSON) {
            throw new InvalidFieldException("method", "an in-person meeting takes no online presence");
        }
        throw new ConflictException("memberId", "the check-in of " + memberId + " met a concurrent change; send it again");
    }

    /**
     * The happy path of a check-in at a meeting of {@code branchId} alone: one conditional update, so a whole city's
     * members checking in cost one store round trip each, access check included (a token bound to the meeting's own
     * branch covers it). Empty when it did not apply, for whatever reason: then {@link #checkIn} says why.
     */
    public Optional<Meeting.CheckIn> checkInAtBranch(String branchId, String id, String memberId, String code, CheckInMethod method) {
        return tryCheckIn(Criteria.where("_id").is(id).and("branchId").is(branchId), memberId, code, method);
    }

    private Optional<Meeting.CheckIn> tryCheckIn(Criteria meeting, String memberId, String code, CheckInMethod method) {
        Meeting.CheckIn in = new Meeting.CheckIn("PRESENT", null, clock.instant(), null, method);
        Criteria where = meeting.and("status").is(MeetingStatus.OPEN).and("roster.memberId").is(memberId)
                .and("checkIns." + memberId + ".attendance").ne("PRESENT");
        if (method == CheckInMethod.CODE) {
            where = where.and("checkInCode").is(code == null ? "" : code.toUpperCase(java.util.Locale.ROOT));
        } else if (method == CheckInMethod.ONLINE) {
            where = where.and("mode").ne(MeetingMode.IN_PERSON);
        }
        var result = mongo.updateFirst(Query.query(where), new Update().set("checkIns." + memberId, in).inc("version", 1), Meeting.class);
        return result.getModifiedCount() == 1 ? Optional.of(in) : Optional.empty();
    }

    /** The secretary's correction while the meeting is open: presence, an absence and its reason, times. */
    public Meeting correct(String id, String memberId, RecordMeetingCommand.Line line) {
        Meeting m = get(id);
        requireOpen(m, "take corrections");
        Attendee member = onRoster(m, memberId);
        Attendee checked = RosterCheck.withAttendance(member, line, "");
        Meeting.CheckIn in = new Meeting.CheckIn(checked.attendance(), checked.reason(),
                line.status() == Attendance.PRESENT && line.arrivedAt() == null ? clock.instant() : line.arrivedAt(),
                line.leftAt(), line.status() == Attendance.PRESENT ? CheckInMethod.SECRETARY : null);
        return putCheckIn(m, member.memberId(), in, "take corrections");
    }

    /** A member present leaves before the end (về sớm): kept apart from presence. */
    public Meeting checkOut(String id, String memberId) {
        Meeting m = get(id);
        requireOpen(m, "check out");
        Attendee member = onRoster(m, memberId);
        Meeting.CheckIn in = m.getCheckIns() == null ? null : m.getCheckIns().get(member.memberId());
        if (in == null || !"PRESENT".equals(in.attendance())) {
            throw new InvalidFieldException("memberId", "member " + memberId + " has not checked in");
        }
        return putCheckIn(m, member.memberId(), new Meeting.CheckIn(in.attendance(), in.reason(), in.arrivedAt(), clock.instant(),
                in.method()), "check out");
    }

    /**
     * One member's line in one atomic update, so a whole branch can check in at once without conflicts; it moves the
     * version on, so a close that read the meeting before it retries instead of losing the check-in.
     */
    private Meeting putCheckIn(Meeting m, String memberId, Meeting.CheckIn in, String action) {
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(m.getId()).and("status").is(MeetingStatus.OPEN)),
                new Update().set("checkIns." + memberId, in).inc("version", 1), Meeting.class);
        if (result.getModifiedCount() == 0) {
            requireOpen(get(m.getId()), action);
        }
        return get(m.getId());
    }

    public record Absence(String memberId, Attendance status, String reason) {
    }

    /**
     * Closes the minutes (bế mạc). Everyone checked in is present; the absences given say who was excused; anyone
     * else on the roster was absent without reason. The minutes must have every part.
     */
    public Meeting close(String id, MeetingRecorded.Minutes minutes, RecordMeetingCommand.Vote vote, List<Absence> absences,
                         List<String> restrictedMatters, String by) {
        return change(id, m -> {
            requireOpen(m, "close");
            MinutesCheck.requireComplete(minutes);
            List<Attendee> attended = attendance(m, absences == null ? List.of() : absences);
            RosterCheck.checkVote(attended, vote);
            MinutesCheck.checkPeople(minutes, attended);
            m.close(attended, vote == null ? null : vote.toRecorded(), minutes, restrictedMatters, BusinessDates.today(clock), by,
                    clock.instant());
        });
    }

    private static List<Attendee> attendance(Meeting m, List<Absence> absences) {
        Map<String, Meeting.CheckIn> in = m.getCheckIns() == null ? Map.of() : m.getCheckIns();
        Map<String, Absence> absent = new java.util.HashMap<>();
        Set<String> onRoster = new HashSet<>();
        m.getRoster().forEach(a -> onRoster.add(a.memberId()));
        for (int i = 0; i < absences.size(); i++) {
            Absence a = absences.get(i);
            if (!onRoster.contains(a.memberId())) {
                throw new InvalidFieldException("absences[" + i + "].memberId", "member " + a.memberId() + " is not on this meeting's roster");
            }
            if (a.status() == Attendance.PRESENT) {
                throw new InvalidFieldException("absences[" + i + "].status", "presence is taken by check-in, not listed as an absence");
            }
            Meeting.CheckIn checked = in.get(a.memberId());
            if (checked != null && "PRESENT".equals(checked.attendance())) {
                throw new InvalidFieldException("absences[" + i + "].memberId", "member " + a.memberId() + " checked in as present");
            }
            if (a.status() == Attendance.ABSENT_EXCUSED && (a.reason() == null || a.reason().isBlank())) {
                throw new InvalidFieldException("absences[" + i + "].reason", "an excused absence (vắng có lý do) needs its reason");
            }
            absent.put(a.memberId(), a);
        }
        List<Attendee> result = new ArrayList<>();
        for (Attendee a : m.getRoster()) {
            Meeting.CheckIn checked = in.get(a.memberId());
            Absence given = absent.get(a.memberId());
            if (given != null) {
                result.add(new Attendee(a.memberId(), a.fullName(), a.memberStatus(), a.exempt(), given.status().name(),
                        blankToNull(given.reason())));
            } else if (checked != null) {
                result.add(new Attendee(a.memberId(), a.fullName(), a.memberStatus(), a.exempt(), checked.attendance(),
                        checked.reason(), checked.arrivedAt(), checked.leftAt(), checked.method() == null ? null : checked.method().name()));
            } else if (a.exempt()) {
                result.add(RosterCheck.exemptAbsent(a));
            } else {
                result.add(new Attendee(a.memberId(), a.fullName(), a.memberStatus(), false, Attendance.ABSENT_UNEXCUSED.name(), null));
            }
        }
        return result;
    }

    /**
     * Amends a recorded meeting's minutes, vote or attendance with a reason; the earlier record is kept. The result
     * must pass what the original passed: every part for minutes closed in the software.
     */
    public Meeting amend(String id, MeetingRecorded.Minutes minutes, RecordMeetingCommand.Vote vote,
                         List<RecordMeetingCommand.Line> corrections, List<String> restrictedMatters, String reason, String by) {
        return change(id, m -> {
            if (m.getStatus() != MeetingStatus.RECORDED) {
                throw new ConflictException("status", "only a recorded meeting is amended; this one is " + m.getStatus());
            }
            List<Attendee> roster = new ArrayList<>(m.getRoster());
            if (corrections != null) {
                for (int i = 0; i < corrections.size(); i++) {
                    RecordMeetingCommand.Line line = corrections.get(i);
                    int at = indexOf(roster, line.memberId());
                    if (at < 0) {
                        throw new InvalidFieldException("attendance[" + i + "].memberId", "member " + line.memberId() + " is not on this meeting's roster");
                    }
                    roster.set(at, RosterCheck.withAttendance(roster.get(at), line, "attendance[" + i + "]"));
                }
            }
            MeetingRecorded.Minutes amended = minutes != null ? minutes : m.getMinutes();
            MeetingRecorded.Vote amendedVote = vote != null ? vote.toRecorded() : m.getVote();
            List<String> amendedMatters = restrictedMatters != null ? restrictedMatters : m.getRestrictedMatters();
            if (!m.isTranscribed()) {
                MinutesCheck.requireComplete(amended);
            }
            if (vote != null) {
                RosterCheck.checkVote(roster, vote);
            }
            MinutesCheck.checkPeople(amended, roster);
            if (roster.equals(m.getRoster()) && java.util.Objects.equals(amended, m.getMinutes())
                    && java.util.Objects.equals(amendedVote, m.getVote())
                    && java.util.Objects.equals(amendedMatters, m.getRestrictedMatters())) {
                throw new InvalidFieldException("reason", "the amendment changes nothing in the record");
            }
            m.amend(roster, amendedVote, amended, amendedMatters, reason, by, clock.instant());
        });
    }

    private static int indexOf(List<Attendee> roster, String memberId) {
        for (int i = 0; i < roster.size(); i++) {
            if (roster.get(i).memberId().equals(memberId)) {
                return i;
            }
        }
        return -1;
    }

    public Meeting get(String id) {
        Meeting meeting = mongo.findById(id, Meeting.class);
        if (meeting == null) {
            throw new NotFoundException("meeting", id);
        }
        return meeting;
    }

    public List<Meeting> ofBranch(String branchId, MeetingStatus status, int page, int size) {
        Criteria where = Criteria.where("branchId").is(branchId);
        if (status != null) {
            where = where.and("status").is(status);
        }
        Query q = Query.query(where).with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "scheduledFor")));
        return mongo.find(q, Meeting.class);
    }

    private Meeting insert(Meeting meeting) {
        if (Exists.any(mongo, Query.query(Criteria.where("reference").is(meeting.getReference())), Meeting.class)) {
            throw new ConflictException("reference", "a meeting with reference " + meeting.getReference() + " is already recorded");
        }
        if (Exists.any(mongo, Query.query(Criteria.where("slot").is(meeting.getSlot())), Meeting.class)) {
            throw new ConflictException("period", "the branch already has its regular meeting (thường kỳ) for " + meeting.getPeriod()
                    + (meeting.getCellId() == null ? "" : " in this cell") + "; amend or cancel that one");
        }
        meeting.stampNew(outbox::stamp);
        try {
            mongo.insert(meeting);
        } catch (DuplicateKeyException e) {
            boolean slot = String.valueOf(e.getMessage()).contains("slot");
            throw new ConflictException(slot ? "period" : "reference", slot
                    ? "the branch already has its regular meeting for " + meeting.getPeriod()
                    : "a meeting with reference " + meeting.getReference() + " is already recorded");
        }
        outbox.publishSoon(Meeting.COLLECTION, meeting.getId());
        return meeting;
    }

    /** Load, change, save with the version check; a concurrent change (a check-in, the relay) makes it start over. */
    private Meeting change(String id, Consumer<Meeting> step) {
        Meeting saved = Conflicts.retry(() -> {
            Meeting m = get(id);
            step.accept(m);
            m.stampNew(outbox::stamp);
            return mongo.save(m);
        });
        outbox.publishSoon(Meeting.COLLECTION, saved.getId());
        return saved;
    }

    /** The branch's members, or a cell's when the meeting is one cell's (tổ đảng). */
    private List<RosterMember> rolls(BranchRoster branch, MeetingScope scope, String cellId) {
        if (scope == MeetingScope.BRANCH) {
            if (cellId != null) {
                throw new InvalidFieldException("cellId", "a meeting of the whole branch names no cell; use scope CELL");
            }
            return branch.memberList();
        }
        if (cellId == null) {
            throw new InvalidFieldException("cellId", "a party-cell meeting (tổ đảng) names its cell");
        }
        BranchRoster cell = rosters.branch(cellId).filter(c -> c.isCellOf(branch)).orElseThrow(() ->
                new InvalidFieldException("cellId", cellId + " is not a party cell of " + branch.name()));
        List<RosterMember> members = branch.memberList().stream().filter(m -> cell.branchId().equals(m.cellId())).toList();
        if (members.isEmpty()) {
            throw new InvalidFieldException("cellId", cell.name() + " has no members");
        }
        return members;
    }

    private static void checkKind(MeetingType type, String topic) {
        if (type == MeetingType.THEMATIC && (topic == null || topic.isBlank())) {
            throw new InvalidFieldException("topic", "a thematic meeting (sinh hoạt chuyên đề) needs its registered topic");
        }
    }

    private static void checkMode(BranchRoster branch, MeetingMode mode, LocalDate day) {
        if (mode != MeetingMode.IN_PERSON && !branch.mayMeetOnline(day)) {
            throw new InvalidFieldException("mode", branch.name() + " is not approved for online meetings on " + day
                    + " (Hướng dẫn 03-HD/TW: only branches approved as eligible)");
        }
    }

    private static void requireOpen(Meeting m, String action) {
        if (m.getStatus() != MeetingStatus.OPEN) {
            throw new ConflictException("status", "cannot " + action + ": the meeting is " + m.getStatus()
                    + (m.getStatus() == MeetingStatus.RECORDED ? " (check-in ended when its minutes were closed)" : ""));
        }
    }

    private static Attendee onRoster(Meeting m, String memberId) {
        return m.getRoster().stream().filter(a -> a.memberId().equals(memberId)).findFirst().orElseThrow(() ->
                new InvalidFieldException("memberId", "member " + memberId + " is not on this meeting's roster"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
