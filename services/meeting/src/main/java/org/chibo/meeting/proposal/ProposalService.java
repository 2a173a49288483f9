package org.chibo.meeting.proposal;

import org.chibo.chassis.web.ActingUser;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.chibo.meeting.roster.BranchRoster;
import org.chibo.meeting.roster.BranchRosters;
import org.springframework.stereotype.Service;

/** Đề xuất, kiến nghị: checks a submission against what this service knows, then runs each step through the outbox. */
@Service
public class ProposalService {

    private final ProposalStore store;
    private final BranchRosters rosters;
    private final Outbox outbox;
    private final Clock clock;

    ProposalService(ProposalStore store, BranchRosters rosters, Outbox outbox, Clock clock) {
        this.store = store;
        this.rosters = rosters;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Proposal submit(Proposal.Submission s, ActingUser by) {
        BranchRoster branch = rosters.activeBranch(s.branchId());
        if (branch.members() == null || !branch.members().containsKey(s.memberId())) {
            throw new InvalidFieldException("memberId", "member " + s.memberId() + " is not on the roster of " + branch.name());
        }
        if (s.meetingId() != null) {
            requireMeetingOf(branch, s.meetingId());
        }
        Instant at = clock.instant();
        Proposal proposal = Proposal.submit(UUID.randomUUID().toString(), s, branch.path(), by.id(), at);
        store.insert(proposal, event(EventCatalogue.PROPOSAL_SUBMITTED, proposal, proposal.submittedEvent(), at));
        outbox.publishSoon(ProposalStore.COLLECTION, proposal.getId());
        return proposal;
    }

    public Proposal review(String id, ActingUser by, String note) {
        return step(id, (p, at) -> event(EventCatalogue.PROPOSAL_ACKNOWLEDGED, p, p.review(by.id(), at, note), at));
    }

    public Proposal answer(String id, ActingUser by, String answer, ProposalOutcome outcome) {
        return step(id, (p, at) -> event(EventCatalogue.PROPOSAL_ANSWERED, p, p.answer(by.id(), at, answer, outcome), at));
    }

    public Proposal withdraw(String id, ActingUser by, String note) {
        return step(id, (p, at) -> event(EventCatalogue.PROPOSAL_WITHDRAWN, p, p.withdraw(by.id(), at, note), at));
    }

    public Proposal get(String id) {
        return store.load(id).proposal();
    }

    public List<Proposal> list(String branchId, String addressedTo, String memberId, ProposalStatus status, int page, int size) {
        return store.list(branchId, addressedTo, memberId, status, page, size);
    }

    private void requireMeetingOf(BranchRoster branch, String meetingId) {
        String meetingBranch = store.branchOfMeeting(meetingId).orElseThrow(() -> new InvalidFieldException("meetingId",
                "meeting " + meetingId + " not found"));
        if (!meetingBranch.equals(branch.branchId())) {
            throw new InvalidFieldException("meetingId", "meeting " + meetingId + " belongs to another branch, not " + branch.name());
        }
    }

    /** Load, apply one lifecycle step, save state and event in one write; again on fresh state after a conflict. */
    private Proposal step(String id, BiFunction<Proposal, Instant, PendingEvent> change) {
        Proposal changed = Conflicts.retry(() -> {
            ProposalStore.Loaded loaded = store.load(id);
            store.save(loaded, change.apply(loaded.proposal(), clock.instant()));
            return loaded.proposal();
        });
        outbox.publishSoon(ProposalStore.COLLECTION, id);
        return changed;
    }

    /** Every proposal event travels under the branch id (meeting.events' key), about the proposal. */
    private <T> PendingEvent event(EventType<T> type, Proposal p, T payload, Instant at) {
        return outbox.stamp(PendingEvent.of(type, p.getBranchId(), p.getId(), payload, at));
    }
}
