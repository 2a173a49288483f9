package org.chibo.meeting.overview;

import java.time.YearMonth;

import org.chibo.chassis.security.Caller;
import org.chibo.meeting.access.OrganisationPaths;
import org.chibo.meeting.access.Roles;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Tổng hợp: a branch's year of meetings at a glance; a committee's branches and this month's meeting. */
@Tag(name = "Tổng hợp sinh hoạt chi bộ", description = "Overviews of branches' meetings")
@RestController
@RequestMapping("/api/v1/meetings/overview")
@Validated
class OverviewController {

    private final Overviews overviews;
    private final OrganisationPaths paths;

    OverviewController(Overviews overviews, OrganisationPaths paths) {
        this.overviews = overviews;
        this.paths = paths;
    }

    @Operation(summary = "Tổng hợp sinh hoạt chi bộ cả năm của một chi bộ (a branch's year of meetings at a glance)",
            description = "Mọi vai trò có chi bộ trong phạm vi của mình.")
    @GetMapping("/branch")
    Overviews.BranchYear branch(@RequestParam @NotBlank @Size(max = 64) String branchId,
                                @RequestParam @Min(2000) @Max(2100) int year, Caller caller) {
        requireInScope(caller, "read the year overview of " + branchId, branchId);
        return overviews.branchYear(branchId, year);
    }

    @Operation(summary = "Tình hình sinh hoạt thường kỳ trong tháng của các chi bộ trực thuộc (a committee's branches this month)",
            description = "Mọi vai trò có đơn vị trong phạm vi của mình.")
    @GetMapping("/committee")
    Overviews.CommitteeMonth committee(@RequestParam @NotBlank @Size(max = 64) String organisationId,
                                       @RequestParam YearMonth month,
                                       @RequestParam(required = false) MonthStatus status,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                       Caller caller) {
        requireInScope(caller, "read the month overview of " + organisationId, organisationId);
        return overviews.committeeMonth(organisationId, month, status, page, size);
    }

    /** A unit this service does not know is left to the overview, which answers 404 for it. */
    private void requireInScope(Caller caller, String action, String organisationId) {
        caller.requireAnyRole(action, Roles.READERS);
        paths.of(organisationId).ifPresent(path -> caller.requireCovers(action, path));
    }
}
