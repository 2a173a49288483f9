package org.chibo.inspection.calendar;

import java.time.Clock;

import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.inspection.rules.Period;
import org.chibo.chassis.web.ActingUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;

/** PeriodClosed by hand: an administrator closes a month or a quarter that has ended, grace or no grace. */
@RestController
@RequestMapping("/api/v1/inspection/periods")
@Validated
class PeriodController {

    private final CalendarInspection calendar;
    private final Clock clock;

    PeriodController(CalendarInspection calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Closes {@code period} ({@code 2025-03} or {@code 2025-Q1}): 400 when it is not one, 422 when it has not ended yet
     * (Vietnamese business date). Closing again answers what the first close found, with {@code alreadyClosed}.
     */
    @PostMapping("/{period}/close")
    PeriodClosed close(@PathVariable @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2]|Q[1-4])",
                               message = "a month (2025-03) or a quarter (2025-Q1)") String period,
                       @RequestHeader(name = ActingUser.HEADER, required = false) String user) {
        Period p = Period.parse(period).orElseThrow();
        if (!p.end().isBefore(BusinessDates.today(clock))) {
            throw new InvalidFieldException("period", "period " + period + " has not ended yet: it ends on " + p.end());
        }
        return calendar.close(p, user == null || user.isBlank() ? "admin" : user.strip());
    }
}
