package org.chibo.membership.member;

import java.time.Clock;
import java.util.UUID;

import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.ConflictException;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.MemberAdmitted;
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

    MemberService(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        // the card number (số thẻ đảng viên) identifies a member for life: the store refuses a second one
        mongo.indexOps(Member.COLLECTION).createIndex(new Index().on("cardNumber", Sort.Direction.ASC).unique());
        mongo.indexOps(Member.COLLECTION).createIndex(new Index().on("branchId", Sort.Direction.ASC));
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
        if (mongo.exists(Query.query(Criteria.where("cardNumber").is(m.cardNumber())), Member.class)) {
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
        return unit.getKind().holdsMembers() ? null : unit.getKind() + " " + unit.getName()
                + " does not keep members on its rolls; admit into a branch (chi bộ)";
    }

    /** A new member with their MemberAdmitted event waiting in the outbox; the caller writes it. */
    public Member newMember(String id, OrganisationUnit branch, NewMember m) {
        Member member = new Member(id, branch.getId(), branch.getPath(), m);
        MemberAdmitted event = new MemberAdmitted(member.getId(), member.getBranchId(), member.getOrganisationPath(),
                member.getFullName(), member.getCardNumber(), m.status().name(), m.admittedOn());
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, member.getId(), member.getId(),
                event, clock.instant())));
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
