package org.chibo.meeting.proposal;

import org.chibo.chassis.security.Caller;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Đề xuất, kiến nghị: a member's proposals and petitions to the higher committee, and the committee's answers. Every
 * change names who makes it (the token's subject) and is checked by {@link ProposalAccess} first.
 */
@Tag(name = "Đề xuất, kiến nghị", description = "Members' proposals and petitions to the higher committee")
@RestController
@RequestMapping("/api/v1/proposals")
@Validated
class ProposalController {

    private static final int MAX_NOTE = 1_000;

    private final ProposalService proposals;
    private final ProposalAccess access;

    ProposalController(ProposalService proposals, ProposalAccess access) {
        this.proposals = proposals;
        this.access = access;
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

    @Operation(summary = "Gửi đề xuất, kiến nghị lên cấp ủy cấp trên (submit a proposal or petition)",
            description = "Đảng viên gửi của chính mình (member_id của token) từ chi bộ mình; bí thư chi bộ gửi hộ đảng viên của chi bộ.")
    @PostMapping
    ResponseEntity<ProposalView> submit(@Valid @RequestBody SubmitRequest r, Caller caller) {
        access.submit(caller, r.branchId(), r.memberId());
        Proposal p = proposals.submit(new Proposal.Submission(r.branchId(), r.memberId(), r.kind(), r.title(), r.content(),
                r.meetingId() == null || r.meetingId().isBlank() ? null : r.meetingId()), by(caller));
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + p.getId())).body(ProposalView.of(p));
    }

    @Operation(summary = "Xem một đề xuất, kiến nghị và trả lời của cấp ủy (read a proposal)",
            description = "Mọi vai trò có chi bộ gửi hoặc cấp ủy nhận trong phạm vi của mình; đảng viên chỉ xem kiến nghị của chính mình.")
    @GetMapping("/{id}")
    ProposalView get(@PathVariable String id, Caller caller) {
        Proposal p = proposals.get(id);
        access.read(caller, p);
        return ProposalView.of(p);
    }

    /** A branch's own proposals ({@code branchId}), or those sent to a committee ({@code addressedTo}), or both. */
    @Operation(summary = "Danh sách đề xuất, kiến nghị của một chi bộ hoặc gửi tới một cấp ủy (list proposals)",
            description = "branchId hoặc addressedTo phải nằm trong phạm vi của người gọi (khi có cả hai, branchId quyết định); "
                    + "đơn vị chưa biết: danh sách rỗng; đảng viên chỉ thấy kiến nghị của chính mình.")
    @GetMapping
    Page<ProposalView> list(@RequestParam(required = false) String branchId,
                            @RequestParam(required = false) String addressedTo,
                            @RequestParam(required = false) ProposalStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                            Caller caller) {
        if (isBlank(branchId) && isBlank(addressedTo)) {
            throw new BadRequestException("say whose proposals: branchId (a branch's own) or addressedTo (those sent to a committee)",
                    "branchId", "addressedTo");
        }
        // the list is the intersection of the filters: the narrower one in scope is enough
        String unit = isBlank(branchId) ? addressedTo.strip() : branchId.strip();
        String path = access.pathInScope(caller, "list the proposals of " + unit, unit);
        String member = ProposalAccess.memberOnly(caller) ? caller.memberId() : null;
        if (path == null || (ProposalAccess.memberOnly(caller) && member == null)) {
            return new Page<>(List.of(), page, size);
        }
        return new Page<>(proposals.list(blankToNull(branchId), blankToNull(addressedTo), member, status, page, size).stream()
                .map(ProposalView::of).toList(), page, size);
    }

    /** The higher committee takes the proposal up (tiếp nhận): IN_REVIEW. */
    @Operation(summary = "Cấp ủy tiếp nhận kiến nghị (take a proposal up for review)",
            description = "Cán bộ đảng ủy có cấp ủy nhận trong phạm vi của mình, hoặc quản trị thành phố.")
    @PostMapping("/{id}/review")
    ProposalView review(@PathVariable String id, Caller caller, @Valid @RequestBody(required = false) NoteRequest r) {
        access.answer(caller, "take up", proposals.get(id));
        return ProposalView.of(proposals.review(id, by(caller), r == null ? null : r.note()));
    }

    /** The higher committee's answer (trả lời), which closes the proposal. */
    @Operation(summary = "Cấp ủy trả lời kiến nghị: tiếp thu, tiếp thu một phần, không tiếp thu (answer a proposal)",
            description = "Cán bộ đảng ủy có cấp ủy nhận trong phạm vi của mình, hoặc quản trị thành phố.")
    @PostMapping("/{id}/answer")
    ProposalView answer(@PathVariable String id, Caller caller, @Valid @RequestBody AnswerRequest r) {
        access.answer(caller, "answer", proposals.get(id));
        return ProposalView.of(proposals.answer(id, by(caller), r.answer(), r.outcome()));
    }

    /** Its submitter takes it back (rút) before it is answered. */
    @Operation(summary = "Rút kiến nghị trước khi được trả lời (withdraw a proposal)",
            description = "Chỉ người gửi: người đã nhập kiến nghị, hoặc đảng viên là chủ kiến nghị, từ trong chi bộ của nó.")
    @PostMapping("/{id}/withdraw")
    ProposalView withdraw(@PathVariable String id, Caller caller, @Valid @RequestBody(required = false) NoteRequest r) {
        access.withdraw(caller, proposals.get(id));
        return ProposalView.of(proposals.withdraw(id, by(caller), r == null ? null : r.note()));
    }

    private static ActingUser by(Caller caller) {
        return new ActingUser(caller.subject());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
