package org.chibo.membership.roster;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.membership.member.Member;
import org.chibo.membership.member.MemberStatus;
import org.chibo.membership.organisation.OrganisationService;
import org.chibo.membership.organisation.OrganisationUnit;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A branch's roster (danh sách đảng viên) as it stood on a given day, read from each member's stretches on the
 * rolls: who was on them, with the status and exemption they had that day.
 */
@Service
public class RosterAsOf {

    private final MongoTemplate mongo;
    private final OrganisationService organisations;

    RosterAsOf(MongoTemplate mongo, OrganisationService organisations) {
        this.mongo = mongo;
        this.organisations = organisations;
    }

    public record Entry(String memberId, String fullName, String cardNumber, MemberStatus status, boolean exempt) {
    }

    public List<Entry> of(String branchId, LocalDate day, LocalDate today) {
        OrganisationUnit unit = organisations.get(branchId);
        if (!unit.getKind().holdsMembers()) {
            throw new InvalidFieldException("id", unit.getKind() + " " + unit.getName()
                    + " keeps no rolls; a roster is a branch's (chi bộ)");
        }
        if (day.isAfter(today)) {
            throw new InvalidFieldException("asOf", "a roster is known up to today (" + today + "), not for " + day);
        }
        // everyone ever on these rolls: now (branchId) or before (a stretch of rolls)
        Query everOnRolls = Query.query(new Criteria().orOperator(Criteria.where("branchId").is(branchId),
                Criteria.where("rolls.branchId").is(branchId)));
        return mongo.find(everOnRolls, Member.class).stream()
                .filter(m -> m.wasOnRollsOf(branchId, day))
                .map(m -> new Entry(m.getId(), m.getFullName(), m.getCardNumber(), statusOn(m, day), exemptOn(m, day)))
                .sorted(Comparator.comparing(Entry::fullName).thenComparing(Entry::memberId))
                .toList();
    }

    private static MemberStatus statusOn(Member m, LocalDate day) {
        return m.getRecognisedOn() != null && !m.getRecognisedOn().isAfter(day) ? MemberStatus.OFFICIAL : MemberStatus.PROBATIONARY;
    }

    private static boolean exemptOn(Member m, LocalDate day) {
        return m.getExemption() != null && !day.isBefore(m.getExemption().from())
                && (m.getExemption().until() == null || !day.isAfter(m.getExemption().until()));
    }
}
