package org.chibo.meeting.proposal;

import org.chibo.chassis.web.ActingUser;
import org.chibo.chassis.web.BadRequestException;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Đề xuất, kiến nghị: a member's proposals and petitions to the higher committee, and the committee's answers. Every
 * change names who makes it ({@link ActingUser}).
 */
@RestController
@RequestMapping("/api/v1/proposals")
@Validated
class ProposalController {

    private static final int MAX_NOTE = 1_000;

    private final ProposalService proposals;

    ProposalController(ProposalService proposals) {
        this.proposals = proposals;
    }

    record SubmitRequest(@NotBlank @Size(max = 64) String branchId,
                         @NotBlank @Size(max = 64) String memberId,
                         @NotNull ProposalKind kind,
                         @NotBlank @Size(max = Proposal.MAX_TITLE) String title,
                         @NotBlank @Size(max = Proposal.MAX_CONTENT) String content,
                         @Size(max = 64) String meetingId) {
    }

    record NoteRequest(@Size(max = MAX_NOTE) String note) {
    }

    record AnswerRequest(@NotBlank @Size(max = Proposal.MAX_CONTENT) String answer, @NotNull ProposalOutcome outcome) {
    }

    record ProposalView(String id, String branchId, String organisationPath, String addressedTo, String memberId,
                        String meetingId, ProposalKind kind, String title, String content, ProposalStatus status,
                        String answer, String answeredBy, ProposalOutcome outcome, Instant submittedAt,
                        Instant answeredAt, List<ProposalStep> history) {
        static ProposalView of(Proposal p) {
            return new ProposalView(p.getId(), p.getBranchId(), p.getOrganisationPath(), p.getAddressedTo(),
                    p.getMemberId(), p.getMeetingId(), p.getKind(), p.getTitle(), p.getContent(), p.getStatus(),
                    p.getAnswer(), p.getAnsweredBy(), p.getOutcome(), p.getSubmittedAt(), p.getAnsweredAt(), p.getHistory());
        }
    }

    record Page<T>(List<T> items, int page, int size) {
    }

    @PostMapping
    ResponseEntity<ProposalView> submit(ActingUser by, @Valid @RequestBody SubmitRequest r) {
        Proposal p = proposals.submit(new Proposal.Submission(r.branchId(), r.memberId(), r.kind(), r.title(), r.content(),
                r.meetingId() == null || r.meetingId().isBlank() ? null : r.meetingId()), by);
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + p.getId())).body(ProposalView.of(p));
    }

    @GetMapping("/{id}")
    ProposalView get(@PathVariable String id) {
        return ProposalView.of(proposals.get(id));
    }

    /** A branch's own proposals ({@code branchId}), or those sent to a committee ({@code addressedTo}), or both. */
    @GetMapping
    Page<ProposalView> list(@RequestParam(required = false) String branchId,
                            @RequestParam(required = false) String addressedTo,
                            @RequestParam(required = false) ProposalStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        if (isBlank(branchId) && isBlank(addressedTo)) {
            throw new BadRequestException("say whose proposals: branchId (a branch's own) or addressedTo (those sent to a committee)",
                    "branchId", "addressedTo");
        }
        return new Page<>(proposals.list(blankToNull(branchId), blankToNull(addressedTo), status, page, size).stream()
                .map(ProposalView::of).toList(), page, size);
    }

    /** The higher committee takes the proposal up (tiếp nhận): IN_REVIEW. */
    @PostMapping("/{id}/review")
    ProposalView review(@PathVariable String id, ActingUser by, @Valid @RequestBody(required = false) NoteRequest r) {
        return ProposalView.of(proposals.review(id, by, r == null ? null : r.note()));
    }

    /** The higher committee's answer (trả lời), which closes the proposal. */
    @PostMapping("/{id}/answer")
    ProposalView answer(@PathVariable String id, ActingUser by, @Valid @RequestBody AnswerRequest r) {
        return ProposalView.of(proposals.answer(id, by, r.answer(), r.outcome()));
    }

    /** Its submitter takes it back (rút) before it is answered. */
    @PostMapping("/{id}/withdraw")
    ProposalView withdraw(@PathVariable String id, ActingUser by, @Valid @RequestBody(required = false) NoteRequest r) {
        return ProposalView.of(proposals.withdraw(id, by, r == null ? null : r.note()));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
