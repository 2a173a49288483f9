package org.chibo.inspection.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chibo.chassis.web.NotFoundException;
import org.chibo.inspection.organisation.Organisations;
import org.chibo.inspection.rules.Severity;
import org.chibo.chassis.web.ActingUser;
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
import jakarta.validation.constraints.Size;

/** Phát hiện kiểm tra: the findings, filtered and paged, and the steps of their lifecycle. */
@RestController
@RequestMapping("/api/v1/findings")
@Validated
class FindingController {

    private static final int MAX_REASON = 2_000;

    private final Findings findings;
    private final Organisations organisations;

    FindingController(Findings findings, Organisations organisations) {
        this.findings = findings;
        this.organisations = organisations;
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
     * Findings newest first, narrowed by any of: a branch, a status, a rule, an organisation's whole subtree. No filter
     * lists them all, a page at a time.
     */
    @GetMapping
    Page<FindingView> list(@RequestParam(required = false) String branchId,
                           @RequestParam(required = false) FindingStatus status,
                           @RequestParam(required = false) String ruleId,
                           @RequestParam(required = false) String organisationId,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        String pathPrefix = null;
        if (given(organisationId)) {
            pathPrefix = organisations.pathOf(organisationId.strip())
                    .orElseThrow(() -> new NotFoundException("organisation", organisationId));
        }
        Findings.Filter filter = new Findings.Filter(given(branchId) ? branchId.strip() : null, status,
                given(ruleId) ? ruleId.strip() : null, pathPrefix);
        return new Page<>(findings.list(filter, page, size).stream().map(FindingView::of).toList(), page, size);
    }

    @GetMapping("/{id}")
    FindingView get(@PathVariable String id) {
        return FindingView.of(findings.get(id));
    }

    /** The branch or its committee has taken note (OPEN → ACKNOWLEDGED). */
    @PostMapping("/{id}/acknowledge")
    FindingView acknowledge(@PathVariable String id, ActingUser by,
                            @Valid @RequestBody(required = false) Note body) {
        return move(id, FindingStatus.ACKNOWLEDGED, by, body == null ? null : body.reason());
    }

    /** The breach was put right (from OPEN or ACKNOWLEDGED), with the reason. */
    @PostMapping("/{id}/resolve")
    FindingView resolve(@PathVariable String id, ActingUser by,
                        @Valid @RequestBody Reason body) {
        return move(id, FindingStatus.RESOLVED, by, body.reason());
    }

    /** The finding is judged not to be a breach (from OPEN or ACKNOWLEDGED), with the reason. */
    @PostMapping("/{id}/dismiss")
    FindingView dismiss(@PathVariable String id, ActingUser by,
                        @Valid @RequestBody Reason body) {
        return move(id, FindingStatus.DISMISSED, by, body.reason());
    }

    private FindingView move(String id, FindingStatus next, ActingUser by, String reason) {
        return FindingView.of(findings.move(id, next, by.id(), given(reason) ? reason.strip() : null));
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
