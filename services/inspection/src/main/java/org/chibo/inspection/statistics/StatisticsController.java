package org.chibo.inspection.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.chibo.chassis.security.Caller;
import org.chibo.inspection.access.Scope;
import org.chibo.inspection.organisation.Organisations;
import org.chibo.inspection.rules.Severity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Thống kê kiểm tra: a year's findings in an organisation's subtree, by rule, month, severity and the units directly
 * below it (a city's districts and blocs), and the branches with none. For inspectors, committee staff and city admins,
 * of an organisation in their subtree.
 */
@Tag(name = "Thống kê kiểm tra", description = "Thống kê phát hiện kiểm tra, giám sát theo quy định, tháng, mức độ và đơn vị")
@RestController
@RequestMapping("/api/v1/inspection/statistics")
@Validated
class StatisticsController {

    private final FindingFacts facts;
    private final Organisations organisations;
    private final Scope access;

    StatisticsController(FindingFacts facts, Organisations organisations, Scope access) {
        this.facts = facts;
        this.organisations = organisations;
        this.access = access;
    }

    record UnitView(String organisationId, String name, long findings, Map<String, Long> byRule) {
    }

    record StatisticsView(String organisationId, int year, long findings, long open, long resolved, long dismissed,
                          Map<String, Long> byRule, Map<Severity, Long> bySeverity, Map<String, Long> byMonth,
                          List<UnitView> byUnit, long branches, long branchesWithoutFindings) {
    }

    record BranchView(String branchId, String name, String organisationPath) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    @Operation(summary = "Thống kê phát hiện kiểm tra của một đơn vị trong năm",
            description = "Cán bộ kiểm tra, cán bộ đảng ủy, quản trị thành phố; organisationId phải thuộc phạm vi của người gọi (403 nếu không).")
    @GetMapping
    StatisticsView statistics(@RequestParam String organisationId,
                              @RequestParam @Min(2000) @Max(2100) int year, Caller caller) {
        YearInSubtree scope = scope(organisationId, year, caller);
        FindingTally.Figures f = FindingTally.of(scope.path, year, scope.facts, scope.branches);
        Map<String, String> names = organisations.namesOf(f.byUnit().stream().map(FindingTally.UnitCount::organisationId).toList());
        List<UnitView> units = f.byUnit().stream()
                .map(u -> new UnitView(u.organisationId(), names.get(u.organisationId()), u.findings(), u.byRule())).toList();
        return new StatisticsView(organisationId, year, f.findings(), f.open(), f.resolved(), f.dismissed(), f.byRule(),
                f.bySeverity(), f.byMonth(), units, f.branches(), f.branchesWithoutFindings());
    }

    /** Chi bộ không có phát hiện: the branches of the subtree with no finding that counts in the year, in tree order. */
    @Operation(summary = "Các chi bộ không có phát hiện kiểm tra trong năm",
            description = "Cán bộ kiểm tra, cán bộ đảng ủy, quản trị thành phố; organisationId phải thuộc phạm vi của người gọi.")
    @GetMapping("/branches-without-findings")
    Page<BranchView> branchesWithoutFindings(@RequestParam String organisationId,
                                             @RequestParam @Min(2000) @Max(2100) int year,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                             Caller caller) {
        YearInSubtree scope = scope(organisationId, year, caller);
        List<FindingTally.Branch> clean = FindingTally.withoutFindings(scope.facts, scope.branches);
        List<FindingTally.Branch> slice = clean.stream().skip((long) page * size).limit(size).toList();
        Map<String, String> names = organisations.namesOf(slice.stream().map(FindingTally.Branch::id).toList());
        return new Page<>(slice.stream().map(b -> new BranchView(b.id(), names.get(b.id()), b.path())).toList(), page, size,
                clean.size());
    }

    private record YearInSubtree(String path, List<FindingFact> facts, List<FindingTally.Branch> branches) {
    }

    private YearInSubtree scope(String organisationId, int year, Caller caller) {
        String action = "read the " + year + " inspection statistics of " + organisationId.strip();
        caller.requireAnyRole(action, Scope.WATCHERS);
        String path = access.organisationWithin(caller, action, organisationId.strip());
        List<FindingFact> found = facts.of(path, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        List<FindingTally.Branch> branches = organisations.branchesIn(path, year).stream()
                .map(b -> new FindingTally.Branch(b.id(), b.path())).toList();
        return new YearInSubtree(path, found, branches);
    }
}
