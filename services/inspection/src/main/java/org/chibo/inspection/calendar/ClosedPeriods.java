package org.chibo.inspection.calendar;

import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.chibo.inspection.rules.Period;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The periods already closed, {@code _id} = the period, with what closing them found: closing is done once. */
@Component
class ClosedPeriods {

    static final String COLLECTION = "closed_periods";

    private final MongoTemplate mongo;

    ClosedPeriods(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<PeriodClosed> find(Period period) {
        Document d = mongo.findById(period.toString(), Document.class, COLLECTION);
        return Optional.ofNullable(d).map(doc -> new PeriodClosed(period.toString(), doc.getInteger("branchesChecked"),
                doc.getInteger("findingsRaised"), true));
    }

    /** Remembers the close; a concurrent close of the same period that finished first stands. */
    void remember(PeriodClosed closed, String by, Instant at) {
        try {
            mongo.insert(new Document("_id", closed.period()).append("branchesChecked", closed.branchesChecked())
                    .append("findingsRaised", closed.findingsRaised()).append("closedBy", by).append("closedAt", at.toString()),
                    COLLECTION);
        } catch (DuplicateKeyException closedMeanwhile) {
            // the other close raised the same findings (their ids are derived): nothing is lost
        }
    }
}
