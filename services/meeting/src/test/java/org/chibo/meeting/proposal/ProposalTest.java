package org.chibo.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.chibo.chassis.web.ConflictException;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.contracts.meeting.ProposalAnswered;
import org.chibo.contracts.meeting.ProposalSubmitted;
import org.chibo.contracts.meeting.ProposalWithdrawn;
import org.junit.jupiter.api.Test;

class ProposalTest {

    private static final String PATH = "/hai-phong/quan-ngo-quyen/dang-bo-phuong-may-to/chi-bo-5/";
    private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Instant T2 = T1.plusSeconds(3600);

    private static Proposal submitted() {
        return Proposal.submit("p-1", new Proposal.Submission("chi-bo-5", "member-7", ProposalKind.PETITION,
                " Sửa đường ngõ 12 ", "Đường ngõ 12 xuống cấp, đề nghị cấp trên xem xét.", null), PATH, "thu-ky", T0);
    }

    @Test
    void aProposalGoesToTheUnitDirectlyAboveTheBranch() {
        Proposal p = submitted();

        assertThat(p.getAddressedTo()).isEqualTo("dang-bo-phuong-may-to");
        assertThat(p.getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(p.getHistory()).containsExactly(new ProposalStep(ProposalStatus.SUBMITTED, "thu-ky", T0, null));
        ProposalSubmitted event = p.submittedEvent();
        assertThat(event.addressedTo()).isEqualTo("dang-bo-phuong-may-to");
        assertThat(event.title()).isEqualTo("Sửa đường ngõ 12");
        assertThat(event.kind()).isEqualTo("PETITION");
        assertThat(event.submittedBy()).isEqualTo("thu-ky");
        assertThat(event.meetingId()).isNull();
    }

    @Test
    void aBranchWithNothingAboveItOrNotAtTheEndOfItsPathHasNoHigherCommittee() {
        assertThat(HigherCommittee.of("b", "/city/b/")).isEqualTo("city");
        for (String path : new String[] {"/b/", "/city/other/", "", null}) {
            assertThatThrownBy(() -> HigherCommittee.of("b", path)).as(String.valueOf(path))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("branchId"));
        }
    }

    @Test
    void reviewThenAnswerClosesItAndEveryStepIsKept() {
        Proposal p = submitted();

        p.review("uy-vien-dang-uy", T1, "  ");
        ProposalAnswered answered = p.answer("uy-vien-dang-uy", T2, " Đã giao UBND phường. ", ProposalOutcome.PARTLY_ACCEPTED);

        assertThat(p.getStatus()).isEqualTo(ProposalStatus.ANSWERED);
        assertThat(p.getAnswer()).isEqualTo("Đã giao UBND phường.");
        assertThat(p.getAnsweredAt()).isEqualTo(T2);
        assertThat(p.getHistory()).extracting(ProposalStep::status)
                .containsExactly(ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, ProposalStatus.ANSWERED);
        assertThat(p.getHistory().get(1).note()).isNull();
        assertThat(answered.outcome()).isEqualTo("PARTLY_ACCEPTED");
        assertThat(answered.submittedAt()).isEqualTo(T0);
        assertThat(answered.answeredBy()).isEqualTo("uy-vien-dang-uy");
    }

    @Test
    void illegalStepsAreConflictsNamingTheStatus() {
        Proposal fresh = submitted();
        assertConflict(() -> fresh.answer("x", T1, "a", ProposalOutcome.ACCEPTED), "SUBMITTED");

        Proposal inReview = submitted();
        inReview.review("x", T1, null);
        assertConflict(() -> inReview.review("x", T1, null), "IN_REVIEW");

        Proposal answered = submitted();
        answered.review("x", T1, null);
        answered.answer("x", T2, "a", ProposalOutcome.DECLINED);
        assertConflict(() -> answered.answer("x", T2, "b", ProposalOutcome.ACCEPTED), "ANSWERED");
        assertConflict(() -> answered.withdraw("member-7", T2, null), "ANSWERED");
        assertThat(answered.getHistory()).hasSize(3);
    }

    @Test
    void onlyItsSubmitterWithdrawsItAndOnlyOnce() {
        Proposal byEnterer = submitted();
        Proposal byMember = submitted();
        byMember.review("x", T1, null);

        // who may withdraw is ProposalAccess's question; the proposal remembers who entered it
        assertThat(byEnterer.submittedBy()).isEqualTo("thu-ky");
        ProposalWithdrawn withdrawn = byEnterer.withdraw("thu-ky", T1, "đã được giải quyết tại chi bộ");
        byMember.withdraw("member-7", T2, null);

        assertThat(withdrawn.note()).isEqualTo("đã được giải quyết tại chi bộ");
        assertThat(byEnterer.getStatus()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(byMember.getStatus()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertConflict(() -> byEnterer.withdraw("thu-ky", T2, null), "WITHDRAWN");
        assertConflict(() -> byMember.review("x", T2, null), "WITHDRAWN");
    }

    private static void assertConflict(Runnable step, String status) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.field()).isEqualTo("status");
            assertThat(e.getMessage()).contains(status);
        });
    }
}
