package org.chibo.chassis.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are Vietnamese dates, whatever zone the server runs in. */
public final class BusinessDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private BusinessDates() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
