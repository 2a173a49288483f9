package org.chibo.evaluation.close;

import java.time.Clock;

import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.ActingUser;
import org.chibo.chassis.web.InvalidFieldException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Year close by hand (kết thúc năm đánh giá): an administrator closes a year that has ended. */
@RestController
@RequestMapping("/api/v1/evaluation/years")
@Validated
class YearCloseController {

    private final YearClose yearClose;
    private final Clock clock;

    YearCloseController(YearClose yearClose, Clock clock) {
        this.yearClose = yearClose;
        this.clock = clock;
    }

    /**
     * Proposes the final rating (xếp loại đề xuất) of every member and branch of {@code year}: 400 for a year out of
     * range, 422 for a year not ended yet (Vietnamese business date). Closing again answers the first close's figures,
     * with {@code alreadyClosed}.
     */
    @PostMapping("/{year}/close")
    ClosedYear.Answer close(@PathVariable @Min(2000) @Max(2100) int year,
                            @RequestHeader(name = ActingUser.HEADER, required = false) String user) {
        if (BusinessDates.today(clock).getYear() <= year) {
            throw new InvalidFieldException("year", "year " + year + " has not ended yet: it ends on " + year + "-12-31");
        }
        return yearClose.close(year, user == null || user.isBlank() ? "admin" : user.strip());
    }
}
