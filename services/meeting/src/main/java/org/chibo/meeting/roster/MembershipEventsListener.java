package org.chibo.meeting.roster;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.BranchCommitteeSet;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberCellAssigned;
import org.chibo.contracts.membership.OnlineEligibilitySet;
import org.chibo.contracts.membership.MemberExempted;
import org.chibo.contracts.membership.MemberLeft;
import org.chibo.contracts.membership.MemberReassigned;
import org.chibo.contracts.membership.MemberReceived;
import org.chibo.contracts.membership.MemberRecognised;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.chibo.contracts.membership.OrganisationDissolved;
import org.chibo.contracts.membership.OrganisationMoved;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.chibo.contracts.membership.OrganisationRenamed;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the branch rosters current from {@code membership.events}. */
@Component
class MembershipEventsListener {

    private final IdempotentConsumer consumer;
    private final BranchRosters rosters;

    MembershipEventsListener(IdempotentConsumer consumer, BranchRosters rosters) {
        this.consumer = consumer;
        this.rosters = rosters;
    }

    /** A poll at a time: members' changes go to the rosters in one bulk write, anything else on its own. */
    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEMBERSHIP_EVENTS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, this::applyAll, this::apply);
    }

    void applyAll(List<IncomingEvent> events) {
        List<BranchRosters.Change> pending = new ArrayList<>();
        List<BranchRosters.Registration> registered = new ArrayList<>();
        BranchRosters.Moves moves = null;
        for (IncomingEvent event : events) {
            List<BranchRosters.Change> changes = memberChanges(event);
            if (!changes.isEmpty()) {
                pending.addAll(changes);
            } else if (event.is(EventCatalogue.ORGANISATION_REGISTERED)) {
                // a city onboarded at once is thousands of these: they join the bulk write too
                OrganisationRegistered o = event.dataAs(EventCatalogue.ORGANISATION_REGISTERED);
                moves = moves != null ? moves : rosters.moves();
                BranchRosters.Registration registration = BranchRosters.Registration.of(o.organisationId(), o.path(), moves);
                pending.add(BranchRosters.register(registration, o.kind(), o.name(), o.meetingDay()));
                registered.add(registration);
            } else {
                // a change to the tree may read what the changes before it wrote
                flush(pending, registered);
                moves = null;
                applyToBranch(event);
            }
        }
        flush(pending, registered);
    }

    private void flush(List<BranchRosters.Change> pending, List<BranchRosters.Registration> registered) {
        rosters.writeAll(pending);
        rosters.settle(registered);
        pending.clear();
        registered.clear();
    }

    void apply(IncomingEvent event) {
        List<BranchRosters.Change> changes = memberChanges(event);
        if (!changes.isEmpty()) {
            changes.forEach(rosters::write);
        } else {
            applyToBranch(event);
        }
    }

    /** The roster changes a member's event makes, in order; none for any other event. */
    private static List<BranchRosters.Change> memberChanges(IncomingEvent event) {
        if (event.is(EventCatalogue.MEMBERS_ONBOARDED)) {
            return event.dataAs(EventCatalogue.MEMBERS_ONBOARDED).members().stream()
                    .map(e -> BranchRosters.putMember(e.branchId(), RosterMember.admitted(e.admission(), e.cellId()))).toList();
        }
        if (event.is(EventCatalogue.MEMBER_REASSIGNED)) {
            MemberReassigned r = event.dataAs(EventCatalogue.MEMBER_REASSIGNED);
            // a merger moves the member with their status, exemption and cell: off the old roster, onto the new one
            return List.of(BranchRosters.removeMember(r.fromBranchId(), r.memberId()),
                    BranchRosters.putMember(r.branchId(), new RosterMember(r.memberId(), r.fullName(), r.status(),
                            r.exemptFrom(), r.exemptUntil(), r.cellId())));
        }
        BranchRosters.Change change = memberChange(event);
        return change == null ? List.of() : List.of(change);
    }

    /** The roster change a single-roster member event makes, or null. */
    private static BranchRosters.Change memberChange(IncomingEvent event) {
        if (event.is(EventCatalogue.MEMBER_ADMITTED)) {
            MemberAdmitted m = event.dataAs(EventCatalogue.MEMBER_ADMITTED);
            return BranchRosters.putMember(m.branchId(), RosterMember.admitted(m));
        } else if (event.is(EventCatalogue.MEMBER_RECOGNISED)) {
            MemberRecognised r = event.dataAs(EventCatalogue.MEMBER_RECOGNISED);
            return BranchRosters.recognise(r.branchId(), r.memberId(), r.recognisedOn());
        } else if (event.is(EventCatalogue.MEMBER_EXEMPTED)) {
            MemberExempted e = event.dataAs(EventCatalogue.MEMBER_EXEMPTED);
            return BranchRosters.exempt(e.branchId(), e.memberId(), e.from(), e.until());
        } else if (event.is(EventCatalogue.MEMBER_TRANSFERRED_OUT)) {
            MemberTransferredOut t = event.dataAs(EventCatalogue.MEMBER_TRANSFERRED_OUT);
            return BranchRosters.removeMember(t.fromBranchId(), t.memberId());
        } else if (event.is(EventCatalogue.MEMBER_LEFT)) {
            MemberLeft l = event.dataAs(EventCatalogue.MEMBER_LEFT);
            return BranchRosters.removeMember(l.branchId(), l.memberId());
        } else if (event.is(EventCatalogue.MEMBER_RECEIVED)) {
            MemberReceived r = event.dataAs(EventCatalogue.MEMBER_RECEIVED);
            // neither an exemption nor a cell travels with the member: the receiving branch decides its own
            return BranchRosters.putMember(r.branchId(), new RosterMember(r.memberId(), r.fullName(), r.status(), null, null, null,
                    r.receivedOn(), null));
        } else if (event.is(EventCatalogue.MEMBER_CELL_ASSIGNED)) {
            MemberCellAssigned c = event.dataAs(EventCatalogue.MEMBER_CELL_ASSIGNED);
            return BranchRosters.assignCell(c.branchId(), c.memberId(), c.cellId());
        }
        return null;
    }

    private void applyToBranch(IncomingEvent event) {
        if (event.is(EventCatalogue.ORGANISATION_REGISTERED)) {
            OrganisationRegistered o = event.dataAs(EventCatalogue.ORGANISATION_REGISTERED);
            rosters.registerBranch(o.organisationId(), o.kind(), o.name(), o.path(), o.meetingDay());
        } else if (event.is(EventCatalogue.ORGANISATION_RENAMED)) {
            OrganisationRenamed r = event.dataAs(EventCatalogue.ORGANISATION_RENAMED);
            rosters.rename(r.organisationId(), r.name());
        } else if (event.is(EventCatalogue.ORGANISATION_MOVED)) {
            OrganisationMoved m = event.dataAs(EventCatalogue.ORGANISATION_MOVED);
            rosters.movePaths(m.previousPath(), m.path());
        } else if (event.is(EventCatalogue.ORGANISATION_DISSOLVED)) {
            OrganisationDissolved d = event.dataAs(EventCatalogue.ORGANISATION_DISSOLVED);
            rosters.dissolve(d.organisationId(), d.dissolvedOn());
        } else if (event.is(EventCatalogue.ONLINE_ELIGIBILITY_SET)) {
            OnlineEligibilitySet o = event.dataAs(EventCatalogue.ONLINE_ELIGIBILITY_SET);
            rosters.setOnline(o.branchId(), new BranchRoster.OnlineApproval(o.eligible(), o.from(), o.until()));
        } else if (event.is(EventCatalogue.BRANCH_COMMITTEE_SET)) {
            BranchCommitteeSet c = event.dataAs(EventCatalogue.BRANCH_COMMITTEE_SET);
            rosters.setCommittee(c.branchId(), c.secretaryId(), c.deputyIds());
        }
    }
}
