package org.chibo.membership.member;

import org.chibo.chassis.store.Exists;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.ConflictException;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberReassigned;
import org.chibo.contracts.membership.MemberCellAssigned;
import org.chibo.contracts.membership.MemberDisciplined;
import org.chibo.contracts.membership.MemberExempted;
import org.chibo.contracts.membership.MemberLeft;
import org.chibo.contracts.membership.MemberReceived;
import org.chibo.contracts.membership.MemberRecognised;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.springframework.beans.factory.annotation.Value;
import org.chibo.membership.organisation.OrganisationUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class MemberService {

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final int transferDeadlineWorkingDays;
    private final WorkingDays workingDays;

    MemberService(MongoTemplate mongo, Outbox outbox, Clock clock,
                  @Value("${chibo.membership.transfer.deadline-working-days:30}") int transferDeadlineWorkingDays,
                  @Value("${chibo.membership.holidays:}") String holidays) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.transferDeadlineWorkingDays = transferDeadlineWorkingDays;
        this.workingDays = new WorkingDays(parseHolidays(holidays));
    }

    /** {@code chibo.membership.holidays}: ISO dates separated by commas or spaces; a bad one stops the start. */
    static java.util.Set<java.time.LocalDate> parseHolidays(String holidays) {
        java.util.Set<java.time.LocalDate> days = new java.util.HashSet<>();
        for (String day : holidays.strip().split("[,\\s]+")) {
            if (!day.isEmpty()) {
                try {
                    days.add(java.time.LocalDate.parse(day));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("chibo.membership.holidays: " + day + " is not a date (YYYY-MM-DD)", e);
                }
            }
        }
        return days;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        // the card number (số thẻ đảng viên) identifies a member for life: the store refuses a second one
        mongo.indexOps(Member.COLLECTION).createIndex(new Index().on("cardNumber", Sort.Direction.ASC).unique());
        mongo.indexOps(Member.COLLECTION).createIndex(new Index().on("branchId", Sort.Direction.ASC));
        // whether a cell still has members is asked before it is dissolved or moved
        mongo.indexOps(Member.COLLECTION).createIndex(new Index().on("cellId", Sort.Direction.ASC).sparse());
    }

    public Member admit(String branchId, NewMember m) {
        OrganisationUnit branch = mongo.findById(branchId, OrganisationUnit.class);
        if (branch == null) {
            throw new InvalidFieldException("branchId", "no organisation unit " + branchId);
        }
        String branchProblem = rollsProblem(branch);
        if (branchProblem != null) {
            throw new InvalidFieldException("branchId", branchProblem);
        }
        AdmissionRules.Problem problem = AdmissionRules.check(m, BusinessDates.today(clock));
        if (problem != null) {
            throw new InvalidFieldException(problem.field(), problem.reason());
        }
        if (Exists.any(mongo, Query.query(Criteria.where("cardNumber").is(m.cardNumber())), Member.class)) {
            throw new ConflictException("cardNumber", "card number " + m.cardNumber() + " already belongs to a member");
        }
        Member member = newMember(UUID.randomUUID().toString(), branch, m);
        try {
            mongo.insert(member);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("cardNumber", "card number " + m.cardNumber() + " already belongs to a member");
        }
        outbox.publishSoon(Member.COLLECTION, member.getId());
        return member;
    }

    /** Why members cannot be kept on this unit's rolls, or null when they can. */
    public static String rollsProblem(OrganisationUnit unit) {
        if (unit.isDissolved()) {
            return unit.getName() + " was dissolved on " + unit.getDissolvedOn();
        }
        if (unit.getMerging() != null) {
            return unit.getName() + " is being merged into another branch; use that one";
        }
        return unit.getKind().holdsMembers() ? null : unit.getKind() + " " + unit.getName()
                + " does not keep members on its rolls; admit into a branch (chi bộ)";
    }

    /** A new member with their MemberAdmitted event waiting in the outbox; the caller writes it. */
    public Member newMember(String id, OrganisationUnit branch, NewMember m) {
        Member member = admittedMember(id, branch, m);
        MemberAdmitted event = new MemberAdmitted(member.getId(), member.getBranchId(), member.getOrganisationPath(),
                member.getFullName(), member.getCardNumber(), m.status().name(), m.admittedOn(), m.recognisedOn());
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, member.getId(), member.getId(),
                event, clock.instant())));
        return member;
    }

    /**
     * A member onboarded by an import, in {@code cell} when not null (checked by the caller with {@link CellRules}):
     * on the rolls with their history but no event of their own; the import's batch announces them all at once
     * ({@code members-onboarded}). The caller writes it.
     */
    public Member onboardedMember(String id, OrganisationUnit branch, NewMember m, OrganisationUnit cell, String batchId) {
        Member member = admittedMember(id, branch, m);
        member.onboardedIn(batchId);
        if (cell != null) {
            placeInCell(member, cell);
        }
        return member;
    }

    private Member admittedMember(String id, OrganisationUnit branch, NewMember m) {
        Member member = new Member(id, branch.getId(), branch.getPath(), m);
        member.record(new HistoryEntry(clock.instant(), "ADMITTED", "on the rolls of " + branch.getName() + " as " + m.status()
                + ", admitted " + m.admittedOn()));
        return member;
    }

    public Member recognise(String id, LocalDate recognisedOn, String decisionRef) {
        return Conflicts.retry(() -> recogniseOnce(id, recognisedOn, decisionRef));
    }

    private Member recogniseOnce(String id, LocalDate recognisedOn, String decisionRef) {
        Member member = get(id);
        rejectIfAny(LifecycleRules.onRolls(member.getDeparture()));
        rejectIfAny(LifecycleRules.notInTransit(member.getTransfer()));
        rejectIfAny(LifecycleRules.recognition(member.getStatus(), member.getAdmittedOn(), recognisedOn,
                BusinessDates.today(clock)));
        member.recognise(recognisedOn);
        member.record(new HistoryEntry(clock.instant(), "RECOGNISED", "official from " + recognisedOn
                + (decisionRef == null ? "" : ", decision " + decisionRef)));
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_RECOGNISED, member.getId(), member.getId(),
                new MemberRecognised(member.getId(), member.getBranchId(), recognisedOn, decisionRef), clock.instant())));
        return saveAndPublish(member);
    }

    public Member exempt(String id, Exemption exemption) {
        return Conflicts.retry(() -> exemptOnce(id, exemption));
    }

    private Member exemptOnce(String id, Exemption exemption) {
        Member member = get(id);
        rejectIfAny(LifecycleRules.onRolls(member.getDeparture()));
        rejectIfAny(LifecycleRules.notInTransit(member.getTransfer()));
        rejectIfAny(LifecycleRules.exemption(exemption, member.getAdmittedOn()));
        member.exempt(exemption);
        member.record(new HistoryEntry(clock.instant(), "EXEMPTED", exemption.reason() + ", from " + exemption.from()
                + (exemption.until() == null ? "" : " until " + exemption.until())));
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_EXEMPTED, member.getId(), member.getId(),
                new MemberExempted(member.getId(), member.getBranchId(), exemption.reason(), exemption.from(), exemption.until()),
                clock.instant())));
        return saveAndPublish(member);
    }

    public Member transferOut(String id, TransferKind kind, String toBranchId, LocalDate issuedOn) {
        if (toBranchId != null) {
            OrganisationUnit to = mongo.findById(toBranchId, OrganisationUnit.class);
            if (to == null) {
                throw new InvalidFieldException("toBranchId", "no organisation unit " + toBranchId);
            }
            String rolls = rollsProblem(to);
            if (rolls != null) {
                throw new InvalidFieldException("toBranchId", rolls);
            }
        }
        return Conflicts.retry(() -> transferOutOnce(id, kind, toBranchId, issuedOn));
    }

    private Member transferOutOnce(String id, TransferKind kind, String toBranchId, LocalDate issuedOn) {
        Member member = get(id);
        rejectIfAny(LifecycleRules.onRolls(member.getDeparture()));
        if (member.getBranchId().equals(toBranchId)) {
            throw new InvalidFieldException("toBranchId", "the member is already on that branch's rolls");
        }
        rejectIfAny(LifecycleRules.transferOut(member.getTransfer(), member.getAdmittedOn(), issuedOn, BusinessDates.today(clock)));
        Transfer transfer = new Transfer(kind, member.getBranchId(), toBranchId, issuedOn,
                workingDays.after(issuedOn, transferDeadlineWorkingDays));
        member.transferOut(transfer);
        member.record(new HistoryEntry(clock.instant(), "TRANSFERRED_OUT", kind + " transfer issued " + issuedOn
                + ", to be presented by " + transfer.deadline()));
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_TRANSFERRED_OUT, member.getId(), member.getId(),
                new MemberTransferredOut(member.getId(), transfer.fromBranchId(), toBranchId, kind.name(), issuedOn,
                        transfer.deadline()), clock.instant())));
        return saveAndPublish(member);
    }

    public Member receive(String id, String branchId, LocalDate receivedOn) {
        OrganisationUnit branch = mongo.findById(branchId, OrganisationUnit.class);
        if (branch == null) {
            throw new InvalidFieldException("branchId", "no organisation unit " + branchId);
        }
        String rolls = rollsProblem(branch);
        if (rolls != null) {
            throw new InvalidFieldException("branchId", rolls);
        }
        return Conflicts.retry(() -> receiveOnce(id, branch, receivedOn));
    }

    private Member receiveOnce(String id, OrganisationUnit branch, LocalDate receivedOn) {
        Member member = get(id);
        rejectIfAny(LifecycleRules.onRolls(member.getDeparture()));
        Transfer transfer = member.getTransfer();
        rejectIfAny(LifecycleRules.reception(transfer, branch.getId(), receivedOn, BusinessDates.today(clock)));
        member.receive(branch.getId(), branch.getPath(), receivedOn);
        member.record(new HistoryEntry(clock.instant(), "RECEIVED", "onto the rolls of " + branch.getName() + " on " + receivedOn));
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_RECEIVED, member.getId(), member.getId(),
                new MemberReceived(member.getId(), transfer.fromBranchId(), branch.getId(), branch.getPath(), member.getFullName(),
                        member.getStatus().name(), transfer.kind().name(), receivedOn), clock.instant())));
        return saveAndPublish(member);
    }

    /**
     * Moves everyone on {@code fromBranchId}'s rolls (not in transit, not departed) onto {@code to}'s, as of
     * {@code on}, because the branch was merged into it. Status and exemption go with them. Idempotent: a member
     * already moved is no longer found on the old rolls.
     *
     * @return how many members moved
     */
    public int reassignAll(String fromBranchId, OrganisationUnit to, LocalDate on) {
        Query onOldRolls = Query.query(Criteria.where("branchId").is(fromBranchId).and("departure").isNull().and("transfer").isNull());
        onOldRolls.fields().include("_id");
        int moved = 0;
        for (org.bson.Document row : mongo.find(onOldRolls, org.bson.Document.class, Member.COLLECTION)) {
            String id = row.getString("_id");
            moved += Conflicts.retry(() -> reassignOnce(id, fromBranchId, to, on));
        }
        return moved;
    }

    private int reassignOnce(String id, String fromBranchId, OrganisationUnit to, LocalDate on) {
        Member member = get(id);
        if (!member.getBranchId().equals(fromBranchId) || member.getDeparture() != null || member.getTransfer() != null) {
            return 0;
        }
        member.reassign(to.getId(), to.getPath(), on);
        member.record(new HistoryEntry(clock.instant(), "REASSIGNED", "onto the rolls of " + to.getName() + " on " + on
                + ", its branch having been merged into it"));
        Exemption e = member.getExemption();
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_REASSIGNED, member.getId(), member.getId(),
                new MemberReassigned(member.getId(), fromBranchId, to.getId(), to.getPath(), member.getFullName(),
                        member.getStatus().name(), e == null ? null : e.from(), e == null ? null : e.until(), on, "MERGER",
                        member.getCellId()),
                clock.instant())));
        saveAndPublish(member);
        return 1;
    }

    /** Phân công vào tổ đảng: {@code cellId} null takes the member out of any cell. */
    public Member assignCell(String id, String cellId) {
        OrganisationUnit cell = null;
        if (cellId != null) {
            cell = mongo.findById(cellId, OrganisationUnit.class);
            if (cell == null) {
                throw new InvalidFieldException("cellId", "no organisation unit " + cellId);
            }
        }
        OrganisationUnit found = cell;
        return Conflicts.retry(() -> assignCellOnce(id, found));
    }

    private Member assignCellOnce(String id, OrganisationUnit cell) {
        Member member = get(id);
        rejectIfAny(LifecycleRules.onRolls(member.getDeparture()));
        rejectIfAny(LifecycleRules.notInTransit(member.getTransfer()));
        if (java.util.Objects.equals(member.getCellId(), cell == null ? null : cell.getId())) {
            return member;
        }
        String problem = cell == null ? null : CellRules.problem(cell, member.getBranchId());
        if (problem != null) {
            throw new InvalidFieldException("cellId", problem);
        }
        putInCell(member, cell);
        return saveAndPublish(member);
    }

    private void putInCell(Member member, OrganisationUnit cell) {
        String cellId = placeInCell(member, cell);
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_CELL_ASSIGNED, member.getId(), member.getId(),
                new MemberCellAssigned(member.getId(), member.getBranchId(), cellId, BusinessDates.today(clock)), clock.instant())));
    }

    /** The member's place in {@code cell} (none when null), in their history; the cell's id. */
    private String placeInCell(Member member, OrganisationUnit cell) {
        String cellId = cell == null ? null : cell.getId();
        member.assignCell(cellId);
        member.record(new HistoryEntry(clock.instant(), "CELL_ASSIGNED", cell == null ? "in no party cell"
                : "in party cell " + cell.getName()));
        return cellId;
    }

    public Member discipline(String id, Discipline discipline) {
        return Conflicts.retry(() -> disciplineOnce(id, discipline));
    }

    private Member disciplineOnce(String id, Discipline d) {
        Member member = get(id);
        rejectIfAny(LifecycleRules.onRolls(member.getDeparture()));
        rejectIfAny(LifecycleRules.decisionDate("decidedOn", d.decidedOn(), member.getAdmittedOn(), BusinessDates.today(clock)));
        member.discipline(d);
        member.record(new HistoryEntry(clock.instant(), "DISCIPLINED", d.form() + " on " + d.decidedOn()
                + (d.decisionRef() == null ? "" : ", decision " + d.decisionRef()) + ": " + d.reason()));
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_DISCIPLINED, member.getId(), member.getId(),
                new MemberDisciplined(member.getId(), member.getBranchId(), d.form().name(), d.decidedOn(), d.decisionRef(),
                        d.reason()), clock.instant())));
        if (d.form() == DisciplineForm.EXPULSION) {
            leave(member, new Departure(DepartureReason.EXPELLED, d.decidedOn(), d.decisionRef()));
        }
        return saveAndPublish(member);
    }

    public Member depart(String id, Departure departure) {
        if (departure.reason() == DepartureReason.EXPELLED) {
            throw new InvalidFieldException("reason", "an expulsion (khai trừ) is a discipline: record it with the discipline command");
        }
        return Conflicts.retry(() -> departOnce(id, departure));
    }

    private Member departOnce(String id, Departure departure) {
        Member member = get(id);
        rejectIfAny(LifecycleRules.onRolls(member.getDeparture()));
        rejectIfAny(LifecycleRules.decisionDate("on", departure.on(), member.getAdmittedOn(), BusinessDates.today(clock)));
        leave(member, departure);
        return saveAndPublish(member);
    }

    private void leave(Member member, Departure departure) {
        member.depart(departure);
        member.record(new HistoryEntry(clock.instant(), "LEFT", departure.reason() + " on " + departure.on()
                + (departure.decisionRef() == null ? "" : ", decision " + departure.decisionRef())));
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_LEFT, member.getId(), member.getId(),
                new MemberLeft(member.getId(), member.getBranchId(), departure.reason().name(), departure.on(),
                        departure.decisionRef()), clock.instant())));
    }

    /** Writes the member with the events it raised in the same document write, then asks for them to go out now. */
    private Member saveAndPublish(Member member) {
        mongo.save(member);
        outbox.publishSoon(Member.COLLECTION, member.getId());
        return member;
    }

    /** A state clash (already official, already in transit, not in transit) is a 409; a bad value a 422. */
    private static void rejectIfAny(AdmissionRules.Problem problem) {
        if (problem != null) {
            throw problem.field().equals("status") ? new ConflictException("status", problem.reason())
                    : new InvalidFieldException(problem.field(), problem.reason());
        }
    }

    public record Found(List<Member> items, boolean hasMore) {
    }

    /** One page of members inside {@code scope} matching every filter given, ordered by name; one extra row tells whether more follow. */
    public Found search(Criteria scope, String branchId, MemberStatus status, String namePart, String identityNumberHash,
                        int page, int size) {
        Query q = Query.query(scope);
        if (identityNumberHash != null) {
            q.addCriteria(Criteria.where(org.chibo.membership.profile.SealedProfiles.IDENTITY_NUMBER_HASH).is(identityNumberHash));
        }
        if (branchId != null) {
            q.addCriteria(Criteria.where("branchId").is(branchId));
        }
        if (status != null) {
            q.addCriteria(Criteria.where("status").is(status));
        }
        if (namePart != null) {
            q.addCriteria(Criteria.where("fullName").regex(java.util.regex.Pattern.quote(namePart.strip()), "i"));
        }
        q.skip((long) page * size).limit(size + 1).with(Sort.by("fullName", "_id"));
        List<Member> rows = mongo.find(q, Member.class);
        return new Found(rows.stream().limit(size).toList(), rows.size() > size);
    }

    /** The member, for a change that needs them still on the rolls: 409 on {@code status} when they left. */
    public Member getOnRolls(String id) {
        Member member = get(id);
        rejectIfAny(LifecycleRules.onRolls(member.getDeparture()));
        return member;
    }

    public Member get(String id) {
        Member member = mongo.findById(id, Member.class);
        if (member == null) {
            throw new NotFoundException("member", id);
        }
        return member;
    }
}
