package org.chibo.evaluation.decision;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.ConflictException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.evaluation.RatingDecided;
import org.chibo.evaluation.rating.Rating;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The competent committee's step (124-QĐ/TW art. 12, step 3): it confirms the proposed rating, or overrides it with
 * a reason. Each decision is kept on the rating (the audit) and published as {@code rating-decided}; a final rating
 * changes only by such a decision.
 */
@Service
public class RatingDecisions {

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    RatingDecisions(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    public RatingRecord get(String subjectType, String subjectId, int year) {
        RatingRecord r = mongo.findById(RatingRecord.idFor(subjectType, subjectId, year), RatingRecord.class);
        if (r == null) {
            throw new NotFoundException("rating of " + subjectType.toLowerCase(), subjectId + " for " + year);
        }
        return r;
    }

    /** The proposal stands (xác nhận). A rating already decided changes only by an override. */
    public RatingRecord confirm(String subjectType, String subjectId, int year, String reason, String by) {
        return Conflicts.retry(() -> {
            RatingRecord r = get(subjectType, subjectId, year);
            if (r.getStage() == RatingRecord.Stage.CONFIRMED) {
                throw new ConflictException("decision", "the rating was decided already (" + r.getFinalRating()
                        + "); only an override with a reason changes it");
            }
            return decide(r, "CONFIRMED", r.getProposedRating(), reason, by);
        });
    }

    /** The committee sets another level, with its reason (e.g. outstanding results above the 20% cap). */
    public RatingRecord override(String subjectType, String subjectId, int year, Rating rating, String reason, String by) {
        return Conflicts.retry(() -> decide(get(subjectType, subjectId, year), "OVERRIDDEN", rating, reason, by));
    }

    private RatingRecord decide(RatingRecord r, String decision, Rating rating, String reason, String by) {
        RatingRecord.Decision d = new RatingRecord.Decision(UUID.randomUUID().toString(), decision, rating,
                r.getStage() == RatingRecord.Stage.CONFIRMED ? r.getFinalRating() : null, reason, by, clock.instant());
        r.decide(d);
        RatingDecided event = new RatingDecided(r.getSubjectType(), r.getSubjectId(), r.getBranchId(), r.getYear(), d.decisionId(),
                decision, rating.name(), r.getProposedRating().name(), d.previousRating() == null ? null : d.previousRating().name(),
                reason, by, d.at(), r.getOrganisationPath(), r.getRatingUnitId());
        r.raise(outbox.stamp(PendingEvent.of(EventCatalogue.RATING_DECIDED, r.getSubjectId(), r.getId(), event, d.at())));
        mongo.save(r);
        outbox.publishSoon(RatingRecord.COLLECTION, r.getId());
        return r;
    }

    /** A page of the year's ratings the caller may see ({@code visible}), in id order, optionally of one subject type, branch or rating unit. */
    public List<RatingRecord> list(int year, String subjectType, String branchId, String ratingUnitId, Criteria visible,
                                   int page, int size) {
        // $and, as the visibility may name a field a filter names too (a member's own: subjectType MEMBER)
        List<Criteria> all = new java.util.ArrayList<>(List.of(Criteria.where("year").is(year), visible));
        if (subjectType != null) {
            all.add(Criteria.where("subjectType").is(subjectType));
        }
        if (branchId != null) {
            all.add(Criteria.where("branchId").is(branchId));
        }
        if (ratingUnitId != null) {
            all.add(Criteria.where("ratingUnitId").is(ratingUnitId));
        }
        Query q = Query.query(new Criteria().andOperator(all));
        q.with(Sort.by("_id")).skip((long) page * size).limit(size);
        return mongo.find(q, RatingRecord.class);
    }
}
