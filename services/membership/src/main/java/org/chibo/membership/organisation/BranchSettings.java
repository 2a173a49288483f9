package org.chibo.membership.organisation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.BranchCommitteeSet;
import org.chibo.contracts.membership.OnlineEligibilitySet;
import org.chibo.membership.member.Member;
import org.chibo.membership.member.MemberStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** A branch's committee (chi ủy) and its approval for online meetings (03-HD/TW). */
@Service
public class BranchSettings {

    private final MongoTemplate mongo;
    private final OrganisationService organisations;
    private final Outbox outbox;
    private final java.time.Clock clock;

    BranchSettings(MongoTemplate mongo, OrganisationService organisations, Outbox outbox, java.time.Clock clock) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Only the branch's own official members sit on its committee (a probationary member does not stand for election). */
    public OrganisationUnit setCommittee(String branchId, BranchCommittee committee) {
        List<String> all = new ArrayList<>();
        if (committee.secretaryId() != null) {
            all.add(committee.secretaryId());
        }
        all.addAll(committee.deputyIds());
        all.addAll(committee.memberIds());
        Set<String> seen = new HashSet<>();
        for (String id : all) {
            if (!seen.add(id)) {
                throw new InvalidFieldException("memberIds", "member " + id + " holds two seats on the committee");
            }
        }
        List<Member> onRolls = mongo.find(Query.query(Criteria.where("_id").in(all).and("branchId").is(branchId)
                .and("departure").isNull().and("transfer").isNull()), Member.class);
        for (String id : all) {
            Member m = onRolls.stream().filter(x -> x.getId().equals(id)).findFirst().orElseThrow(() ->
                    new InvalidFieldException(fieldOf(committee, id), "member " + id + " is not on this branch's rolls"));
            if (m.getStatus() != MemberStatus.OFFICIAL) {
                throw new InvalidFieldException(fieldOf(committee, id), m.getFullName() + " is a probationary member and cannot sit on the committee");
            }
        }
        return change(branchId, unit -> {
            unit.setCommittee(committee);
            return committeeSet(branchId, committee);
        });
    }

    /**
     * Empties the seat a member held on the branch's committee, if any: they left the branch's rolls. Idempotent (a
     * seat already empty changes nothing, no event), and it applies to a dissolved branch too.
     */
    public void vacateSeat(String branchId, String memberId) {
        Conflicts.retry(() -> {
            OrganisationUnit unit = mongo.findById(branchId, OrganisationUnit.class);
            if (unit == null || unit.getCommittee() == null || !unit.getCommittee().seats(memberId)) {
                return null;
            }
            BranchCommittee committee = unit.getCommittee().without(memberId);
            unit.setCommittee(committee);
            unit.raise(outbox.stamp(committeeSet(branchId, committee)));
            return organisations.saveAndPublish(unit);
        });
    }

    private PendingEvent committeeSet(String branchId, BranchCommittee committee) {
        return PendingEvent.of(EventCatalogue.BRANCH_COMMITTEE_SET, branchId, branchId,
                new BranchCommitteeSet(branchId, committee.secretaryId(), committee.deputyIds(), committee.memberIds()), clock.instant());
    }

    public OrganisationUnit setOnlineEligibility(String branchId, OnlineEligibility e) {
        if (e.until() != null && e.until().isBefore(e.from())) {
            throw new InvalidFieldException("until", "the approval ends before it starts");
        }
        if (e.eligible() && (e.reason() == null || e.reason().isBlank())) {
            throw new InvalidFieldException("reason", "an approval states the branch's special nature or circumstances (03-HD/TW)");
        }
        return change(branchId, unit -> {
            unit.setOnlineEligibility(e);
            return PendingEvent.of(EventCatalogue.ONLINE_ELIGIBILITY_SET, branchId, branchId,
                    new OnlineEligibilitySet(branchId, e.eligible(), e.decisionRef(), e.reason(), e.from(), e.until()), clock.instant());
        });
    }

    private OrganisationUnit change(String branchId, java.util.function.Function<OrganisationUnit, PendingEvent> change) {
        return Conflicts.retry(() -> {
            OrganisationUnit unit = organisations.get(branchId);
            if (!unit.getKind().holdsMembers() || unit.isDissolved()) {
                throw new InvalidFieldException("id", unit.getName() + " is not an active branch (chi bộ)");
            }
            unit.raise(outbox.stamp(change.apply(unit)));
            return organisations.saveAndPublish(unit);
        });
    }

    private static String fieldOf(BranchCommittee c, String id) {
        if (id.equals(c.secretaryId())) {
            return "secretaryId";
        }
        return c.deputyIds().contains(id) ? "deputyIds" : "memberIds";
    }
}
