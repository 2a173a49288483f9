package org.chibo.inspection.calendar;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.inspection.finding.Findings;
import org.chibo.inspection.finding.NewFinding;
import org.chibo.inspection.member.DuesLedger;
import org.chibo.inspection.member.MemberDeadlines;
import org.chibo.inspection.organisation.Organisations;
import org.chibo.inspection.organisation.Organisations.Branch;
import org.chibo.inspection.rules.CalendarRules;
import org.chibo.inspection.rules.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The calendar rules (R-P1, R-P2): meetings recorded fulfil their periods as they arrive; closing a period
 * (PeriodClosed, by the scheduler or an admin call) raises a finding for every branch that counted for it and did not
 * fulfil it, and the member deadlines that passed by its end (R-M4, R-M5). Closing is done once per period.
 */
@Service
public class CalendarInspection {

    private static final Logger log = LoggerFactory.getLogger(CalendarInspection.class);

    private final Organisations organisations;
    private final PeriodCoverage coverage;
    private final ClosedPeriods closed;
    private final Findings findings;
    private final MemberDeadlines deadlines;
    private final DuesLedger dues;
    private final MeterRegistry meters;
    private final Clock clock;

    CalendarInspection(Organisations organisations, PeriodCoverage coverage, ClosedPeriods closed, Findings findings,
                       MemberDeadlines deadlines, DuesLedger dues, MeterRegistry meters, Clock clock) {
        this.organisations = organisations;
        this.coverage = coverage;
        this.closed = closed;
        this.findings = findings;
        this.deadlines = deadlines;
        this.dues = dues;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Meetings recorded (or amended) fulfil their periods. Where a period was closed already, the branch's finding for
     * it is resolved: the meeting was held, only recorded late. The coverage is written before the findings are looked
     * up, so a close running meanwhile is never missed (see {@link #resolveRecordedMeanwhile}).
     */
    public void meetingsRecorded(List<MeetingRecorded> meetings) {
        List<PeriodCoverage.Fulfilment> fulfilled = new ArrayList<>();
        Map<String, String> lateReasons = new LinkedHashMap<>();
        for (MeetingRecorded m : meetings) {
            CalendarRules.fulfilledBy(m).ifPresent(period -> {
                fulfilled.add(new PeriodCoverage.Fulfilment(m.branchId(), period));
                lateReasons.put(CalendarRules.findingId(m.branchId(), period), "meeting recorded late (meeting " + m.meetingId() + ")");
            });
        }
        coverage.coverAll(fulfilled);
        findings.resolveAllAutomatically(lateReasons);
    }

    /** Closes {@code period} unless it was closed before; {@code by} is who asked (a user, or the scheduler). */
    public PeriodClosed close(Period period, String by) {
        return closed.find(period).orElseGet(() -> {
            Timer.Sample timing = Timer.start(meters);
            PeriodClosed result = judge(period);
            closed.remember(result, by, clock.instant());
            long nanos = timing.stop(meters.timer("chibo.inspection.period.close", "kind", kind(period)));
            meters.counter("chibo.inspection.periods.closed", "kind", kind(period)).increment();
            log.info("period {} closed by {}: {} branches checked, {} findings raised, in {} ms", period, by,
                    result.branchesChecked(), result.findingsRaised(), nanos / 1_000_000);
            return result;
        });
    }

    private PeriodClosed judge(Period period) {
        Map<String, Branch> counted = organisations.branches().stream()
                .filter(b -> CalendarRules.counts(b.dissolvedOn(), period))
                .collect(Collectors.toMap(Branch::id, Function.identity()));
        Set<String> fulfilled = coverage.covered(period, counted.keySet());
        List<NewFinding> owed = new ArrayList<>();
        for (Branch b : counted.values()) {
            if (!fulfilled.contains(b.id())) {
                owed.add(new NewFinding(CalendarRules.ruleFor(period), CalendarRules.findingId(b.id(), period), b.id(),
                        b.path(), null, period.end(), CalendarRules.breach(period)));
            }
        }
        owed.addAll(deadlines.overdueAt(period));
        Set<String> raised = new HashSet<>(findings.raiseAll(owed));
        Set<String> branchesRaised = owed.stream().filter(f -> f.rule().equals(CalendarRules.ruleFor(period)))
                .filter(f -> raised.contains(f.id())).map(NewFinding::branchId).collect(Collectors.toSet());
        resolveRecordedMeanwhile(period, branchesRaised);
        int duesRaised = period.isMonth() ? dues.monthClosed(period) : 0;
        return new PeriodClosed(period.toString(), counted.size(), raised.size() + duesRaised, false);
    }

    /**
     * A meeting recorded while the close was judging looked for the finding before it was written; read the coverage
     * again for the findings just raised: one of the two sides always sees the other.
     */
    private void resolveRecordedMeanwhile(Period period, Set<String> branchesRaised) {
        for (String branchId : coverage.covered(period, branchesRaised)) {
            findings.resolveAutomatically(CalendarRules.findingId(branchId, period), "meeting recorded late, while the period closed");
        }
    }

    private static String kind(Period period) {
        return period.isMonth() ? "month" : "quarter";
    }
}
