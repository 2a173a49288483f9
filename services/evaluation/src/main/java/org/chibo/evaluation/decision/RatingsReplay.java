package org.chibo.evaluation.decision;

import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.kafka.EventRejectedException;
import org.chibo.chassis.outbox.Conflicts;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.evaluation.RatingChanged;
import org.chibo.contracts.evaluation.RatingDecided;
import org.chibo.evaluation.close.ClosedYear;
import org.chibo.evaluation.rating.Rating;
import org.chibo.evaluation.record.OrganisationPath;
import org.chibo.evaluation.scorecard.RatingEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Restores proposals, decisions and closed years from {@code evaluation.ratings}; what exists already is kept. */
@Service
class RatingsReplay {

    private final MongoTemplate mongo;

    RatingsReplay(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void applyAll(List<IncomingEvent> events) {
        List<RatingRecord> proposals = new ArrayList<>();
        List<IncomingEvent> rest = new ArrayList<>();
        for (IncomingEvent e : events) {
            if (proposal(e)) {
                RatingChanged p = e.dataAs(EventCatalogue.RATING_CHANGED);
                proposals.add(new RatingRecord(p.subjectType(), p.subjectId(), p.branchId(), p.year(), p.organisationPath(),
                        OrganisationPath.parse(p.organisationPath()).district(), p.ratingUnitId(), Rating.valueOf(p.rating()),
                        RatingEvents.fromEvent(p.criteria()), p.ruleSetVersion(), p.changedAt()));
            } else {
                rest.add(e);
            }
        }
        insertAbsent(proposals);
        for (IncomingEvent e : rest) {
            if (e.is(EventCatalogue.RATING_DECIDED)) {
                decided(e.dataAs(EventCatalogue.RATING_DECIDED));
            } else if (e.is(EventCatalogue.YEAR_CLOSED)) {
                try {
                    mongo.insert(ClosedYear.restored(e.dataAs(EventCatalogue.YEAR_CLOSED)));
                } catch (DuplicateKeyException closedHere) {
                    // the close that published it wrote it
                }
            }
        }
    }

    private static boolean proposal(IncomingEvent e) {
        return e.is(EventCatalogue.RATING_CHANGED) && "PROPOSED".equals(e.dataAs(EventCatalogue.RATING_CHANGED).stage());
    }

    private void insertAbsent(List<RatingRecord> proposals) {
        if (proposals.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RatingRecord.class);
        bulk.insert(proposals);
        try {
            bulk.execute();
        } catch (BulkOperationException | DuplicateKeyException writtenByTheClose) {
            // the ratings this service proposed itself are there already, decisions and all
        }
    }

    private void decided(RatingDecided d) {
        Conflicts.retry(() -> {
            RatingRecord r = mongo.findById(RatingRecord.idFor(d.subjectType(), d.subjectId(), d.year()), RatingRecord.class);
            if (r == null) {
                // its proposal travels before it on the same partition; without one there is nothing to decide on
                throw new EventRejectedException("decision " + d.decisionId() + " on a rating never proposed: "
                        + RatingRecord.idFor(d.subjectType(), d.subjectId(), d.year()));
            }
            if (r.decide(new RatingRecord.Decision(d.decisionId(), d.decision(), Rating.valueOf(d.rating()),
                    d.previousRating() == null ? null : Rating.valueOf(d.previousRating()), d.reason(), d.decidedBy(), d.decidedAt()))) {
                mongo.save(r);
            }
            return r;
        });
    }
}
