package org.chibo.evaluation.statistics;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Thống kê kết quả xếp loại: shares GOOD or better and EXCELLENT, per district and city, this year against last. */
@RestController
@RequestMapping("/api/v1/evaluation/statistics")
@Validated
class StatisticsController {

    private final RatingStatistics statistics;

    StatisticsController(RatingStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping
    RatingStatistics.Report report(@RequestParam @Min(2000) @Max(2100) int year) {
        return statistics.report(year);
    }
}
