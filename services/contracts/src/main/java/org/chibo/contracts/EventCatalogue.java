package org.chibo.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chibo.contracts.evaluation.RatingChanged;
import org.chibo.contracts.evaluation.RatingDecided;
import org.chibo.contracts.evaluation.YearClosed;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.contracts.inspection.FindingStatusChanged;
import org.chibo.contracts.meeting.MeetingAmended;
import org.chibo.contracts.meeting.MeetingCancelled;
import org.chibo.contracts.meeting.MeetingOpened;
import org.chibo.contracts.meeting.MeetingPostponed;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingScheduled;
import org.chibo.contracts.meeting.ProposalAcknowledged;
import org.chibo.contracts.meeting.ProposalAnswered;
import org.chibo.contracts.meeting.ProposalSubmitted;
import org.chibo.contracts.meeting.ProposalWithdrawn;
import org.chibo.contracts.membership.BranchCommitteeSet;
import org.chibo.contracts.membership.DuesPaid;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MembersOnboarded;
import org.chibo.contracts.membership.MemberReassigned;
import org.chibo.contracts.membership.OrganisationMerged;
import org.chibo.contracts.membership.MemberCellAssigned;
import org.chibo.contracts.membership.MemberDisciplined;
import org.chibo.contracts.membership.MemberExempted;
import org.chibo.contracts.membership.MemberLeft;
import org.chibo.contracts.membership.MemberReceived;
import org.chibo.contracts.membership.MemberRecognised;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.chibo.contracts.membership.OnlineEligibilitySet;
import org.chibo.contracts.membership.OrganisationDissolved;
import org.chibo.contracts.membership.OrganisationMoved;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.chibo.contracts.membership.OrganisationRenamed;
import org.chibo.contracts.membership.RecognitionDue;

/** Every released event type. A consumer resolves the CloudEvents type it receives here. */
public final class EventCatalogue {

    public static final EventType<OrganisationRegistered> ORGANISATION_REGISTERED =
            new EventType<>("chibo.membership.organisation-registered.v1", Topics.MEMBERSHIP_EVENTS, OrganisationRegistered.class);
    public static final EventType<OrganisationRenamed> ORGANISATION_RENAMED =
            new EventType<>("chibo.membership.organisation-renamed.v1", Topics.MEMBERSHIP_EVENTS, OrganisationRenamed.class);
    public static final EventType<OrganisationMoved> ORGANISATION_MOVED =
            new EventType<>("chibo.membership.organisation-moved.v1", Topics.MEMBERSHIP_EVENTS, OrganisationMoved.class);
    public static final EventType<OrganisationDissolved> ORGANISATION_DISSOLVED =
            new EventType<>("chibo.membership.organisation-dissolved.v1", Topics.MEMBERSHIP_EVENTS, OrganisationDissolved.class);
    public static final EventType<OrganisationMerged> ORGANISATION_MERGED =
            new EventType<>("chibo.membership.organisation-merged.v1", Topics.MEMBERSHIP_EVENTS, OrganisationMerged.class);
    public static final EventType<BranchCommitteeSet> BRANCH_COMMITTEE_SET =
            new EventType<>("chibo.membership.branch-committee-set.v1", Topics.MEMBERSHIP_EVENTS, BranchCommitteeSet.class);
    public static final EventType<OnlineEligibilitySet> ONLINE_ELIGIBILITY_SET =
            new EventType<>("chibo.membership.online-eligibility-set.v1", Topics.MEMBERSHIP_EVENTS, OnlineEligibilitySet.class);
    public static final EventType<MemberAdmitted> MEMBER_ADMITTED =
            new EventType<>("chibo.membership.member-admitted.v1", Topics.MEMBERSHIP_EVENTS, MemberAdmitted.class);
    public static final EventType<MembersOnboarded> MEMBERS_ONBOARDED =
            new EventType<>("chibo.membership.members-onboarded.v1", Topics.MEMBERSHIP_EVENTS, MembersOnboarded.class);
    public static final EventType<MemberRecognised> MEMBER_RECOGNISED =
            new EventType<>("chibo.membership.member-recognised.v1", Topics.MEMBERSHIP_EVENTS, MemberRecognised.class);
    public static final EventType<MemberExempted> MEMBER_EXEMPTED =
            new EventType<>("chibo.membership.member-exempted.v1", Topics.MEMBERSHIP_EVENTS, MemberExempted.class);
    public static final EventType<MemberTransferredOut> MEMBER_TRANSFERRED_OUT =
            new EventType<>("chibo.membership.member-transferred-out.v1", Topics.MEMBERSHIP_EVENTS, MemberTransferredOut.class);
    public static final EventType<MemberReceived> MEMBER_RECEIVED =
            new EventType<>("chibo.membership.member-received.v1", Topics.MEMBERSHIP_EVENTS, MemberReceived.class);
    public static final EventType<MemberReassigned> MEMBER_REASSIGNED =
            new EventType<>("chibo.membership.member-reassigned.v1", Topics.MEMBERSHIP_EVENTS, MemberReassigned.class);
    public static final EventType<MemberCellAssigned> MEMBER_CELL_ASSIGNED =
            new EventType<>("chibo.membership.member-cell-assigned.v1", Topics.MEMBERSHIP_EVENTS, MemberCellAssigned.class);
    public static final EventType<MemberDisciplined> MEMBER_DISCIPLINED =
            new EventType<>("chibo.membership.member-disciplined.v1", Topics.MEMBERSHIP_EVENTS, MemberDisciplined.class);
    public static final EventType<MemberLeft> MEMBER_LEFT =
            new EventType<>("chibo.membership.member-left.v1", Topics.MEMBERSHIP_EVENTS, MemberLeft.class);
    public static final EventType<RecognitionDue> RECOGNITION_DUE =
            new EventType<>("chibo.membership.recognition-due.v1", Topics.MEMBERSHIP_EVENTS, RecognitionDue.class);
    public static final EventType<DuesPaid> DUES_PAID =
            new EventType<>("chibo.membership.dues-paid.v1", Topics.MEMBERSHIP_EVENTS, DuesPaid.class);
    public static final EventType<MeetingRecorded> MEETING_RECORDED =
            new EventType<>("chibo.meeting.recorded.v1", Topics.MEETING_EVENTS, MeetingRecorded.class);
    public static final EventType<MeetingScheduled> MEETING_SCHEDULED =
            new EventType<>("chibo.meeting.scheduled.v1", Topics.MEETING_EVENTS, MeetingScheduled.class);
    public static final EventType<MeetingOpened> MEETING_OPENED =
            new EventType<>("chibo.meeting.opened.v1", Topics.MEETING_EVENTS, MeetingOpened.class);
    public static final EventType<MeetingAmended> MEETING_AMENDED =
            new EventType<>("chibo.meeting.amended.v1", Topics.MEETING_EVENTS, MeetingAmended.class);
    public static final EventType<MeetingCancelled> MEETING_CANCELLED =
            new EventType<>("chibo.meeting.cancelled.v1", Topics.MEETING_EVENTS, MeetingCancelled.class);
    public static final EventType<MeetingPostponed> MEETING_POSTPONED =
            new EventType<>("chibo.meeting.postponed.v1", Topics.MEETING_EVENTS, MeetingPostponed.class);
    public static final EventType<ProposalSubmitted> PROPOSAL_SUBMITTED =
            new EventType<>("chibo.meeting.proposal-submitted.v1", Topics.MEETING_EVENTS, ProposalSubmitted.class);
    public static final EventType<ProposalAcknowledged> PROPOSAL_ACKNOWLEDGED =
            new EventType<>("chibo.meeting.proposal-acknowledged.v1", Topics.MEETING_EVENTS, ProposalAcknowledged.class);
    public static final EventType<ProposalAnswered> PROPOSAL_ANSWERED =
            new EventType<>("chibo.meeting.proposal-answered.v1", Topics.MEETING_EVENTS, ProposalAnswered.class);
    public static final EventType<ProposalWithdrawn> PROPOSAL_WITHDRAWN =
            new EventType<>("chibo.meeting.proposal-withdrawn.v1", Topics.MEETING_EVENTS, ProposalWithdrawn.class);
    public static final EventType<FindingRaised> FINDING_RAISED =
            new EventType<>("chibo.inspection.finding-raised.v1", Topics.INSPECTION_FINDINGS, FindingRaised.class);
    public static final EventType<FindingStatusChanged> FINDING_STATUS_CHANGED =
            new EventType<>("chibo.inspection.finding-status-changed.v1", Topics.INSPECTION_FINDINGS, FindingStatusChanged.class);
    public static final EventType<RatingChanged> RATING_CHANGED =
            new EventType<>("chibo.evaluation.rating-changed.v1", Topics.EVALUATION_RATINGS, RatingChanged.class);
    public static final EventType<RatingDecided> RATING_DECIDED =
            new EventType<>("chibo.evaluation.rating-decided.v1", Topics.EVALUATION_RATINGS, RatingDecided.class);
    public static final EventType<YearClosed> YEAR_CLOSED =
            new EventType<>("chibo.evaluation.year-closed.v1", Topics.EVALUATION_RATINGS, YearClosed.class);

    public static final List<EventType<?>> ALL = List.of(
            ORGANISATION_REGISTERED, ORGANISATION_RENAMED, ORGANISATION_MOVED, ORGANISATION_DISSOLVED, ORGANISATION_MERGED,
            BRANCH_COMMITTEE_SET, ONLINE_ELIGIBILITY_SET, MEMBER_ADMITTED, MEMBERS_ONBOARDED, MEMBER_RECOGNISED, MEMBER_EXEMPTED,
            MEMBER_TRANSFERRED_OUT, MEMBER_RECEIVED, MEMBER_REASSIGNED, MEMBER_CELL_ASSIGNED, MEMBER_DISCIPLINED, MEMBER_LEFT,
            RECOGNITION_DUE, DUES_PAID,
            MEETING_SCHEDULED, MEETING_OPENED, MEETING_RECORDED, MEETING_AMENDED, MEETING_CANCELLED, MEETING_POSTPONED,
            PROPOSAL_SUBMITTED, PROPOSAL_ACKNOWLEDGED, PROPOSAL_ANSWERED, PROPOSAL_WITHDRAWN,
            FINDING_RAISED, RATING_CHANGED, FINDING_STATUS_CHANGED, RATING_DECIDED, YEAR_CLOSED);

    private static final Map<String, EventType<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventCatalogue() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }
}
