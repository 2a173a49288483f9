package org.chibo.membership.member;

import java.time.Clock;
import java.time.LocalDate;
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

    public Member admit(String branchId, String fullName, String cardNumber, MemberStatus status, LocalDate admittedOn) {
        OrganisationUnit branch = mongo.findById(branchId, OrganisationUnit.class);
        if (branch == null) {
            throw new InvalidFieldException("branchId", "no organisation unit " + branchId);
        }
        if (!branch.getKind().holdsMembers()) {
            throw new InvalidFieldException("branchId", branch.getKind() + " " + branch.getName()
                    + " does not keep members on its rolls; admit into a branch (chi bộ)");
        }
        if (admittedOn.isAfter(BusinessDates.today(clock))) {
            throw new InvalidFieldException("admittedOn", "admission date " + admittedOn + " is in the future");
        }
        if (mongo.exists(Query.query(Criteria.where("cardNumber").is(cardNumber)), Member.class)) {
            throw new ConflictException("cardNumber", "card number " + cardNumber + " already belongs to a member");
        }
        Member member = new Member(UUID.randomUUID().toString(), branch.getId(), branch.getPath(), fullName.strip(),
                cardNumber.strip(), status, admittedOn);
        MemberAdmitted event = new MemberAdmitted(member.getId(), member.getBranchId(), member.getOrganisationPath(),
                member.getFullName(), member.getCardNumber(), status.name(), admittedOn);
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.MEMBER_ADMITTED, member.getId(), member.getId(),
                event, clock.instant())));
        try {
            mongo.insert(member);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("cardNumber", "card number " + cardNumber + " already belongs to a member");
        }
        outbox.publishSoon(Member.COLLECTION, member.getId());
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
