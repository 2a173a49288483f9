package org.chibo.meeting.overview;

import java.time.YearMonth;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Tổng hợp: a branch's year of meetings at a glance; a committee's branches and this month's meeting. */
@RestController
@RequestMapping("/api/v1/meetings/overview")
@Validated
class OverviewController {

    private final Overviews overviews;

    OverviewController(Overviews overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/branch")
    Overviews.BranchYear branch(@RequestParam @NotBlank @Size(max = 64) String branchId,
                                @RequestParam @Min(2000) @Max(2100) int year) {
        return overviews.branchYear(branchId, year);
    }

    @GetMapping("/committee")
    Overviews.CommitteeMonth committee(@RequestParam @NotBlank @Size(max = 64) String organisationId,
                                       @RequestParam YearMonth month,
                                       @RequestParam(required = false) MonthStatus status,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return overviews.committeeMonth(organisationId, month, status, page, size);
    }
}
