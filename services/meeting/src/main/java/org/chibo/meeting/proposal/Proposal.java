package org.chibo.meeting.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.web.ConflictException;
import org.chibo.contracts.meeting.ProposalAcknowledged;
import org.chibo.contracts.meeting.ProposalAnswered;
import org.chibo.contracts.meeting.ProposalSubmitted;
import org.chibo.contracts.meeting.ProposalWithdrawn;

/**
 * A member's proposal (đề xuất) or petition (kiến nghị) to the committee above the branch, and the rules of its
 * lifecycle: SUBMITTED → IN_REVIEW (the committee takes it up) → ANSWERED, or WITHDRAWN by its submitter before an
 * answer. Each step returns the event that reports it. Plain Java: {@link ProposalStore} keeps it.
 */
public class Proposal {

    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 5_000;

    private String id;
    private String branchId;
    private String organisationPath;
    private String addressedTo;
    private String memberId;
    private String meetingId;
    private ProposalKind kind;
    private String title;
    private String content;
    private ProposalStatus status;
    private String answer;
    private String answeredBy;
    private ProposalOutcome outcome;
    private Instant submittedAt;
    private Instant answeredAt;
    private List<ProposalStep> history = new ArrayList<>();

    /** For the store. */
    private Proposal() {
    }

    /** What a member puts to the higher committee; {@code meetingId} is null when raised between meetings. */
    public record Submission(String branchId, String memberId, ProposalKind kind, String title, String content,
                             String meetingId) {
    }

    /** A new proposal from a branch whose materialised path is {@code branchPath}, routed to the unit above it. */
    static Proposal submit(String id, Submission s, String branchPath, String by, Instant at) {
        Proposal p = new Proposal();
        p.id = id;
        p.branchId = s.branchId();
        p.organisationPath = branchPath;
        p.addressedTo = HigherCommittee.of(s.branchId(), branchPath);
        p.memberId = s.memberId();
        p.meetingId = s.meetingId();
        p.kind = s.kind();
        p.title = s.title().strip();
        p.content = s.content().strip();
        p.submittedAt = at;
        p.moveTo(ProposalStatus.SUBMITTED, by, at, null);
        return p;
    }

    ProposalSubmitted submittedEvent() {
        return new ProposalSubmitted(id, branchId, organisationPath, addressedTo, memberId, meetingId, kind.name(), title,
                content, submittedBy(), submittedAt);
    }

    /** The committee takes the proposal up; only once, and only before anything else happened to it. */
    ProposalAcknowledged review(String by, Instant at, String note) {
        requireStatus(ProposalStatus.SUBMITTED, "only a SUBMITTED proposal can be taken up for review");
        String why = moveTo(ProposalStatus.IN_REVIEW, by, at, note);
        return new ProposalAcknowledged(id, branchId, organisationPath, addressedTo, why, by, at);
    }

    /** The committee's answer closes the proposal; it answers what it has taken up, once. */
    ProposalAnswered answer(String by, Instant at, String answerText, ProposalOutcome answerOutcome) {
        requireStatus(ProposalStatus.IN_REVIEW, status == ProposalStatus.SUBMITTED
                ? "take it up for review first (POST …/review), then answer it"
                : "only a proposal IN_REVIEW can be answered");
        answer = answerText.strip();
        answeredBy = by;
        outcome = answerOutcome;
        answeredAt = at;
        moveTo(ProposalStatus.ANSWERED, by, at, null);
        return new ProposalAnswered(id, branchId, organisationPath, addressedTo, memberId, kind.name(), outcome.name(),
                answer, by, submittedAt, at);
    }

    /** Its submitter may take a proposal back as long as it has no answer (who may is {@code ProposalAccess}'s question). */
    ProposalWithdrawn withdraw(String by, Instant at, String note) {
        if (status == ProposalStatus.ANSWERED || status == ProposalStatus.WITHDRAWN) {
            throw new ConflictException("status", "the proposal is " + status + "; only one not yet answered can be withdrawn");
        }
        String why = moveTo(ProposalStatus.WITHDRAWN, by, at, note);
        return new ProposalWithdrawn(id, branchId, organisationPath, addressedTo, memberId, why, by, at);
    }

    /** The user who submitted it: the member, or whoever entered it for them (e.g. the branch's secretary). */
    String submittedBy() {
        return history.getFirst().by();
    }

    private void requireStatus(ProposalStatus required, String why) {
        if (status != required) {
            throw new ConflictException("status", "the proposal is " + status + "; " + why);
        }
    }

    /** Records the step; returns its note as kept (stripped, null when blank), for the event to carry the same. */
    private String moveTo(ProposalStatus next, String by, Instant at, String note) {
        String kept = note == null || note.isBlank() ? null : note.strip();
        status = next;
        history.add(new ProposalStep(next, by, at, kept));
        return kept;
    }

    public String getId() {
        return id;
    }

    public String getBranchId() {
        return branchId;
    }

    public String getOrganisationPath() {
        return organisationPath;
    }

    public String getAddressedTo() {
        return addressedTo;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getMeetingId() {
        return meetingId;
    }

    public ProposalKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getContent() {
        return content;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public ProposalOutcome getOutcome() {
        return outcome;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public List<ProposalStep> getHistory() {
        return List.copyOf(history);
    }
}
