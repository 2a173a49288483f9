package org.chibo.inspection.calendar;

import java.time.Clock;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.inspection.access.Scope;
import org.chibo.inspection.rules.Period;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

/**
 * PeriodClosed by hand: a city admin closes a month or a quarter that has ended, grace or no grace. An administrative
 * call over the whole tree, so only for a city admin bound to its root.
 */
@Tag(name = "Kỳ sinh hoạt", description = "Khóa sổ một tháng hoặc một quý: kiểm tra việc sinh hoạt định kỳ, chuyên đề của mọi chi bộ")
@RestController
@RequestMapping("/api/v1/inspection/periods")
@Validated
class PeriodController {

    private final CalendarInspection calendar;
    private final Scope scope;
    private final Clock clock;

    PeriodController(CalendarInspection calendar, Scope scope, Clock clock) {
        this.calendar = calendar;
        this.scope = scope;
        this.clock = clock;
    }

    /** The close takes nothing but the period: a body, if sent, must be empty ({@code {}}), so no field slips by unseen. */
    record NoFields() {
    }

    /**
     * Closes {@code period} ({@code 2025-03} or {@code 2025-Q1}): 400 when it is not one, 422 when it has not ended yet
     * (Vietnamese business date). Closing again answers what the first close found, with {@code alreadyClosed}. The
     * token's subject is recorded as who closed it.
     */
    @Operation(summary = "Khóa kỳ (tháng hoặc quý) đã kết thúc và kiểm tra sinh hoạt định kỳ, chuyên đề của các chi bộ",
            description = "Chỉ quản trị thành phố (gắn với đơn vị gốc: Thành ủy). Khóa lại một kỳ đã khóa trả về kết quả lần đầu.")
    @PostMapping("/{period}/close")
    PeriodClosed close(@PathVariable @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2]|Q[1-4])",
                               message = "a month (2025-03) or a quarter (2025-Q1)") String period,
                       @RequestBody(required = false) NoFields body, Caller caller) {
        scope.requireRootAdmin(caller, "close period " + period);
        Period p = Period.parse(period).orElseThrow();
        if (!p.end().isBefore(BusinessDates.today(clock))) {
            throw new InvalidFieldException("period", "period " + period + " has not ended yet: it ends on " + p.end());
        }
        return calendar.close(p, caller.subject());
    }
}
