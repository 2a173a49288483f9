package org.chibo.evaluation.close;

import java.time.Clock;
import java.time.LocalDate;

import org.chibo.chassis.time.BusinessDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Year close on the calendar: once a day (by default shortly after midnight, Vietnamese time) closes the previous year
 * once {@code grace-days} of January have passed, so December's meetings and the inspection's December and Q4
 * findings are in. A year closed already costs one look-up.
 */
@Component
@ConditionalOnProperty(name = "chibo.evaluation.year-close.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class YearCloseScheduler {

    static final String BY = "scheduler";

    private final YearClose yearClose;
    private final Clock clock;
    private final int graceDays;

    YearCloseScheduler(YearClose yearClose, Clock clock, @Value("${chibo.evaluation.year-close.grace-days:10}") int graceDays) {
        this.yearClose = yearClose;
        this.clock = clock;
        this.graceDays = graceDays;
    }

    @Scheduled(cron = "${chibo.evaluation.year-close.cron:0 45 0 * * *}", zone = "Asia/Ho_Chi_Minh")
    void closeLastYear() {
        LocalDate today = BusinessDates.today(clock);
        int last = today.getYear() - 1;
        if (!today.isBefore(LocalDate.of(today.getYear(), 1, 1).plusDays(graceDays)) && yearClose.closed(last).isEmpty()) {
            yearClose.close(last, BY);
        }
    }
}
