package org.chibo.inspection.calendar;

import java.time.Clock;
import java.time.LocalDate;

import org.chibo.chassis.time.BusinessDates;
import org.chibo.inspection.RuleSettings;
import org.chibo.inspection.rules.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * PeriodClosed on the calendar: once a day (by default shortly after midnight, Vietnamese time) closes every month and
 * quarter whose end plus the grace days has passed and that is not closed yet, going back {@code lookback-months}.
 * Periods closed already cost one look-up each.
 */
@Component
class PeriodCloseScheduler {

    static final String BY = "scheduler";

    private final CalendarInspection calendar;
    private final Clock clock;
    private final int graceDays;
    private final int lookbackMonths;

    PeriodCloseScheduler(CalendarInspection calendar, Clock clock, RuleSettings settings,
                         @Value("${chibo.inspection.calendar.lookback-months:12}") int lookbackMonths) {
        this.calendar = calendar;
        this.clock = clock;
        this.graceDays = settings.periodGraceDays();
        this.lookbackMonths = lookbackMonths;
    }

    @Scheduled(cron = "${chibo.inspection.calendar.close-cron:0 15 0 * * *}", zone = "Asia/Ho_Chi_Minh")
    void closeDuePeriods() {
        LocalDate today = BusinessDates.today(clock);
        for (Period period : Period.dueForClosing(today, graceDays, today.minusMonths(lookbackMonths))) {
            calendar.close(period, BY);
        }
    }
}
