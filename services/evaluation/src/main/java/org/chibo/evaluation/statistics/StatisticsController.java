package org.chibo.evaluation.statistics;

import org.chibo.chassis.security.Caller;
import org.chibo.evaluation.access.EvaluationAccess;
import org.chibo.evaluation.access.Ids;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Thống kê kết quả xếp loại: shares GOOD or better and EXCELLENT, per district and in total, this year against last,
 * for the caller's subtree or a unit in it.
 */
@RestController
@RequestMapping("/api/v1/evaluation/statistics")
@Validated
@Tag(name = "Thống kê kết quả xếp loại", description = "the figures units report")
class StatisticsController {

    private final RatingStatistics statistics;
    private final EvaluationAccess access;

    StatisticsController(RatingStatistics statistics, EvaluationAccess access) {
        this.statistics = statistics;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Thống kê kết quả xếp loại chất lượng và sinh hoạt chi bộ, năm nay so với năm trước",
            description = "Shares rated Hoàn thành tốt nhiệm vụ trở lên and Hoàn thành xuất sắc nhiệm vụ, per district and in "
                    + "total, with the activity behind them. COMMITTEE_STAFF, CITY_ADMIN, INSPECTOR: of organisationId, which "
                    + "must be in their subtree (403 otherwise), or by default of their own organisation.")
    RatingStatistics.Report report(@RequestParam @Min(2000) @Max(2100) int year,
                                   @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String organisationId,
                                   Caller caller) {
        String scope = access.statisticsScope(caller, "read the rating statistics of " + year, organisationId);
        return statistics.report(year, scope);
    }
}
