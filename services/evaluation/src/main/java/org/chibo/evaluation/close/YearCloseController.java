package org.chibo.evaluation.close;

import java.time.Clock;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.evaluation.access.EvaluationAccess;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Year close by hand (kết thúc năm đánh giá): a city administrator closes a year that has ended. */
@RestController
@RequestMapping("/api/v1/evaluation/years")
@Validated
@Tag(name = "Kết thúc năm đánh giá", description = "year close: the proposed final ratings of every member and branch")
class YearCloseController {

    private final YearClose yearClose;
    private final EvaluationAccess access;
    private final Clock clock;

    YearCloseController(YearClose yearClose, EvaluationAccess access, Clock clock) {
        this.yearClose = yearClose;
        this.access = access;
        this.clock = clock;
    }

    /** The close takes nothing from the body: an empty object, or none; any field in it is a 400 naming it. */
    record CloseRequest() {
    }

    /**
     * Proposes the final rating (xếp loại đề xuất) of every member and branch of {@code year}: 400 for a year out of
     * range, 422 for a year not ended yet (Vietnamese business date). Closing again answers the first close's figures,
     * with {@code alreadyClosed}. Only a city administrator bound to the city committee: the close rates the whole city.
     */
    @PostMapping("/{year}/close")
    @Operation(summary = "Kết thúc năm đánh giá: xếp loại đề xuất cho mọi đảng viên và chi bộ (CITY_ADMIN của thành phố)",
            description = "Proposes the final rating (xếp loại đề xuất) of every member and branch of the year, with the 20% cap "
                    + "on Hoàn thành xuất sắc nhiệm vụ. 403 unless CITY_ADMIN bound to the city committee.")
    ClosedYear.Answer close(@PathVariable @Min(2000) @Max(2100) int year, @RequestBody(required = false) CloseRequest body,
                            Caller caller) {
        access.requireYearClose(caller, "close the rating year " + year);
        if (BusinessDates.today(clock).getYear() <= year) {
            throw new InvalidFieldException("year", "year " + year + " has not ended yet: it ends on " + year + "-12-31");
        }
        return yearClose.close(year, caller.subject());
    }
}
