package org.chibo.inspection.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chibo.chassis.paths.MaterialisedPaths;
import org.chibo.chassis.security.Caller;
import org.chibo.inspection.access.Scope;
import org.chibo.inspection.rules.Severity;
import org.springframework.data.mongodb.core.query.Criteria;
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
import jakarta.validation.constraints.Size;

/**
 * Phát hiện kiểm tra: the findings, filtered and paged, and the steps of their lifecycle. Read by inspectors, committee
 * staff and city admins in their subtree and by a branch secretary for their branch; moved by inspectors (and city
 * admins) in their subtree.
 */
@Tag(name = "Phát hiện kiểm tra", description = "Phát hiện (vi phạm quy định sinh hoạt chi bộ) do kiểm tra, giám sát tự động nêu ra, và quá trình xử lý")
@RestController
@RequestMapping("/api/v1/findings")
@Validated
class FindingController {

    private static final int MAX_REASON = 2_000;

    private final Findings findings;
    private final Scope scope;

    FindingController(Findings findings, Scope scope) {
        this.findings = findings;
        this.scope = scope;
    }

    record FindingView(String id, String ruleId, int ruleVersion, Severity severity, String legalBasis, String branchId,
                       String organisationPath, String meetingId, LocalDate occurredOn, List<String> memberIds,
                       Map<String, Object> evidence, String summary, FindingStatus status, Instant raisedAt,
                       List<StatusChange> history) {
        static FindingView of(Finding f) {
            return new FindingView(f.getId(), f.getRuleId(), f.getRuleVersion(), f.getSeverity(), f.getLegalBasis(),
                    f.getBranchId(), f.getOrganisationPath(), f.getMeetingId(), f.getOccurredOn(), f.getMemberIds(),
                    f.getEvidence(), f.getSummary(), f.getStatus(), f.getRaisedAt(), f.getHistory());
        }
    }

    record Page<T>(List<T> items, int page, int size) {
    }

    /** An acknowledgement may say something; it need not. */
    record Note(@Size(max = MAX_REASON) String reason) {
    }

    /** Resolving or dismissing a finding always says why. */
    record Reason(@NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /**
     * Findings newest first, narrowed by any of: a branch, a status, a rule, an organisation's whole subtree (which must
     * lie in the caller's). Without {@code organisationId}, the caller's own subtree, a page at a time.
     */
    @Operation(summary = "Danh sách phát hiện kiểm tra trong phạm vi đơn vị của người gọi",
            description = "Cán bộ kiểm tra, cán bộ đảng ủy, quản trị thành phố: phát hiện trong đơn vị mình và cấp dưới; "
                    + "bí thư chi bộ: phát hiện của chi bộ mình. organisationId phải thuộc phạm vi đó (403 nếu không).")
    @GetMapping
    Page<FindingView> list(@RequestParam(required = false) String branchId,
                           @RequestParam(required = false) FindingStatus status,
                           @RequestParam(required = false) String ruleId,
                           @RequestParam(required = false) String organisationId,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                           Caller caller) {
        String action = "list findings";
        caller.requireAnyRole(action, Scope.FINDING_READERS);
        Criteria where = given(organisationId)
                ? Criteria.where("organisationPath").regex(MaterialisedPaths.below(
                        scope.organisationWithin(caller, action + " of " + organisationId.strip(), organisationId.strip())))
                : scope.within(caller, action, "organisationPath");
        Findings.Filter filter = new Findings.Filter(where, given(branchId) ? branchId.strip() : null, status,
                given(ruleId) ? ruleId.strip() : null);
        return new Page<>(findings.list(filter, page, size).stream().map(FindingView::of).toList(), page, size);
    }

    @Operation(summary = "Một phát hiện kiểm tra, với lịch sử xử lý",
            description = "Như danh sách: phát hiện phải thuộc phạm vi của người gọi (403 nếu không, 404 nếu không có).")
    @GetMapping("/{id}")
    FindingView get(@PathVariable String id, Caller caller) {
        Finding finding = findings.get(id);
        caller.require("read finding " + id, finding.getOrganisationPath(), Scope.FINDING_READERS);
        return FindingView.of(finding);
    }

    /** The branch or its committee has taken note (OPEN → ACKNOWLEDGED). */
    @Operation(summary = "Ghi nhận phát hiện (OPEN → ACKNOWLEDGED)",
            description = "Cán bộ Ủy ban kiểm tra (hoặc quản trị thành phố) có phạm vi chứa chi bộ của phát hiện.")
    @PostMapping("/{id}/acknowledge")
    FindingView acknowledge(@PathVariable String id, Caller caller,
                            @Valid @RequestBody(required = false) Note body) {
        return move(id, FindingStatus.ACKNOWLEDGED, caller, body == null ? null : body.reason());
    }

    /** The breach was put right (from OPEN or ACKNOWLEDGED), with the reason. */
    @Operation(summary = "Kết thúc phát hiện: vi phạm đã được khắc phục (RESOLVED), nêu lý do",
            description = "Cán bộ Ủy ban kiểm tra (hoặc quản trị thành phố) có phạm vi chứa chi bộ của phát hiện.")
    @PostMapping("/{id}/resolve")
    FindingView resolve(@PathVariable String id, Caller caller,
                        @Valid @RequestBody Reason body) {
        return move(id, FindingStatus.RESOLVED, caller, body.reason());
    }

    /** The finding is judged not to be a breach (from OPEN or ACKNOWLEDGED), with the reason. */
    @Operation(summary = "Bác bỏ phát hiện: không phải vi phạm (DISMISSED), nêu lý do",
            description = "Cán bộ Ủy ban kiểm tra (hoặc quản trị thành phố) có phạm vi chứa chi bộ của phát hiện.")
    @PostMapping("/{id}/dismiss")
    FindingView dismiss(@PathVariable String id, Caller caller,
                        @Valid @RequestBody Reason body) {
        return move(id, FindingStatus.DISMISSED, caller, body.reason());
    }

    private FindingView move(String id, FindingStatus next, Caller caller, String reason) {
        String action = "move finding " + id + " to " + next;
        caller.requireAnyRole(action, Scope.INSPECTORS);
        return FindingView.of(findings.move(id, next, caller.subject(), given(reason) ? reason.strip() : null,
                finding -> caller.requireCovers(action, finding.getOrganisationPath())));
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
