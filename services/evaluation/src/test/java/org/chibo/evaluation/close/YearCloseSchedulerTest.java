package org.chibo.evaluation.close;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class YearCloseSchedulerTest {

    private final YearClose yearClose = mock(YearClose.class);

    private YearCloseScheduler at(String instant) {
        return new YearCloseScheduler(yearClose, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), 10);
    }

    @Test
    void closesLastYearOnceTheGraceDaysOfJanuaryHavePassedInVietnam() {
        when(yearClose.closed(2025)).thenReturn(Optional.empty());

        // 16:59 UTC on 10 January is still 10 January in Hà Nội; 17:00 UTC is 11 January, 1 January + 10 days
        at("2026-01-10T16:59:00Z").closeLastYear();
        verify(yearClose, never()).close(2025, YearCloseScheduler.BY);
        at("2026-01-10T17:00:00Z").closeLastYear();
        verify(yearClose).close(2025, YearCloseScheduler.BY);
    }

    @Test
    void aYearClosedAlreadyIsNotClosedAgain() {
        when(yearClose.closed(2025)).thenReturn(Optional.of(mock(ClosedYear.class)));

        at("2026-03-01T00:00:00Z").closeLastYear();

        verify(yearClose, never()).close(2025, YearCloseScheduler.BY);
    }
}
