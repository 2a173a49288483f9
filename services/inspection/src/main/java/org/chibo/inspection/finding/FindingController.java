package org.chibo.inspection.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chibo.inspection.rules.Severity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Phát hiện kiểm tra: the findings raised for a branch. */
@RestController
@RequestMapping("/api/v1/findings")
@Validated
class FindingController {

    private final Findings findings;

    FindingController(Findings findings) {
        this.findings = findings;
    }

    record FindingView(String id, String ruleId, int ruleVersion, Severity severity, String legalBasis, String branchId,
                       String organisationPath, String meetingId, LocalDate occurredOn, List<String> memberIds,
                       Map<String, Object> evidence, String summary, FindingStatus status, Instant raisedAt) {
        static FindingView of(Finding f) {
            return new FindingView(f.getId(), f.getRuleId(), f.getRuleVersion(), f.getSeverity(), f.getLegalBasis(),
                    f.getBranchId(), f.getOrganisationPath(), f.getMeetingId(), f.getOccurredOn(), f.getMemberIds(),
                    f.getEvidence(), f.getSummary(), f.getStatus(), f.getRaisedAt());
        }
    }

    record Page<T>(List<T> items, int page, int size) {
    }

    @GetMapping
    Page<FindingView> ofBranch(@RequestParam @NotBlank String branchId,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new Page<>(findings.ofBranch(branchId, page, size).stream().map(FindingView::of).toList(), page, size);
    }

    @GetMapping("/{id}")
    FindingView get(@PathVariable String id) {
        return FindingView.of(findings.get(id));
    }
}
