package org.chibo.inspection.finding;

import java.time.Clock;
import java.util.List;

import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.inspection.rules.Breach;
import org.chibo.inspection.rules.MeetingRule;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;

@Service
public class Findings {

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    Findings(MongoTemplate mongo, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(Finding.COLLECTION).createIndex(new Index().on("branchId", Sort.Direction.ASC).on("raisedAt", Sort.Direction.DESC));
    }

    /** Raises the finding unless this rule already judged this meeting; returns whether it is new. */
    boolean raise(MeetingRule rule, Breach breach, MeetingRecorded meeting) {
        String id = Finding.idFor(rule.id(), meeting.meetingId());
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), Finding.class)) {
            return false;
        }
        Finding finding = new Finding(id, rule.id(), rule.version(), rule.severity(), rule.legalBasis(), meeting.branchId(),
                meeting.organisationPath(), meeting.meetingId(), meeting.heldOn(), breach.memberIds(), breach.evidence(),
                breach.summary(), clock.instant());
        finding.raise(outbox.stamp(PendingEvent.of(EventCatalogue.FINDING_RAISED, meeting.branchId(), id,
                finding.toRaisedEvent(), finding.getRaisedAt())));
        try {
            mongo.insert(finding);
        } catch (DuplicateKeyException raisedConcurrently) {
            return false;
        }
        meters.counter("chibo.inspection.findings.raised", "rule", rule.id()).increment();
        outbox.publishSoon(Finding.COLLECTION, id);
        return true;
    }

    public Finding get(String id) {
        Finding f = mongo.findById(id, Finding.class);
        if (f == null) {
            throw new NotFoundException("finding", id);
        }
        return f;
    }

    public List<Finding> ofBranch(String branchId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("branchId").is(branchId))
                .with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("_id")))), Finding.class);
    }
}
