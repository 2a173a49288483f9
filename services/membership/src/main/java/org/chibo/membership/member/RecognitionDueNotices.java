package org.chibo.membership.member;

import java.time.Clock;
import java.time.LocalDate;

import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.RecognitionDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Raises {@code recognition-due} for every probationary member whose 12 months are up. Idempotent: the notice is
 * marked in the member's document in the same write as its event, so a re-run (or two instances) raises nothing twice.
 * Observable: a log line and the {@code chibo.membership.recognition.due} counter per run.
 */
@Component
class RecognitionDueNotices {

    private static final Logger log = LoggerFactory.getLogger(RecognitionDueNotices.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    RecognitionDueNotices(MongoTemplate mongo, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(cron = "${chibo.membership.recognition-due.cron:0 15 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        raiseDue(null);
    }

    /**
     * @param scope limits the run to part of the register (a city admin's subtree when run by hand); null for all
     * @return how many notices were raised in this run
     */
    int raiseDue(Criteria scope) {
        LocalDate today = BusinessDates.today(clock);
        LocalDate admittedBy = today.minusMonths(AdmissionRules.PROBATION_MONTHS);
        Query due = Query.query(Criteria.where("status").is(MemberStatus.PROBATIONARY).and("admittedOn").lte(admittedBy)
                .and("recognitionDueNoticeOn").isNull().and("departure").isNull());
        if (scope != null) {
            due.addCriteria(scope);
        }
        due.fields().include("_id");
        int raised = 0;
        for (Member candidate : mongo.find(due, Member.class)) {
            if (Conflicts.retry(() -> notice(candidate.getId(), today))) {
                raised++;
            }
        }
        meters.counter("chibo.membership.recognition.due").increment(raised);
        log.info("recognition-due run for {}: {} notice(s) raised", today, raised);
        return raised;
    }

    private boolean notice(String memberId, LocalDate today) {
        Member member = mongo.findById(memberId, Member.class);
        if (member == null || !member.markRecognitionDue(today)) {
            return false;
        }
        LocalDate dueOn = member.getAdmittedOn().plusMonths(AdmissionRules.PROBATION_MONTHS);
        member.raise(outbox.stamp(PendingEvent.of(EventCatalogue.RECOGNITION_DUE, member.getId(), member.getId(),
                new RecognitionDue(member.getId(), member.getBranchId(), member.getAdmittedOn(), dueOn), clock.instant())));
        mongo.save(member);
        outbox.publishSoon(Member.COLLECTION, member.getId());
        return true;
    }
}
