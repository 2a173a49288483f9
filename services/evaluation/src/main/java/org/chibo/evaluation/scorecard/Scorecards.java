package org.chibo.evaluation.scorecard;

import java.time.Clock;
import java.util.function.Consumer;

import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.evaluation.RatingChanged;
import org.chibo.evaluation.rating.Assessment;
import org.chibo.evaluation.rating.ProvisionalBranchRating;
import org.chibo.evaluation.rating.Rating;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Applies counted events to scorecards and re-rates. Read, change, save with the version check: a concurrent
 * update from the other topic's listener fails the save, and the listener's transient-error retry applies it again
 * on fresh state.
 */
@Service
public class Scorecards {

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final ProvisionalBranchRating rating;

    Scorecards(MongoTemplate mongo, Outbox outbox, Clock clock,
               @Value("${chibo.evaluation.attendance-target:0.90}") double attendanceTarget) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.rating = new ProvisionalBranchRating(attendanceTarget);
    }

    void apply(String countKey, String branchId, int year, String organisationPath, Consumer<BranchScorecard> change) {
        String id = BranchScorecard.idFor(branchId, year);
        BranchScorecard card = mongo.findById(id, BranchScorecard.class);
        if (card == null) {
            card = new BranchScorecard(branchId, year, organisationPath);
        }
        if (card.hasCounted(countKey)) {
            return;
        }
        change.accept(card);
        Assessment assessment = rating.assess(card.figures());
        Rating previous = card.reassess(assessment);
        if (previous != assessment.rating()) {
            RatingChanged event = new RatingChanged("BRANCH", branchId, branchId, year, assessment.rating().name(),
                    previous == null ? null : previous.name(), "PROVISIONAL", assessment.ruleSetVersion(),
                    assessment.criteria().stream().map(c -> new RatingChanged.Criterion(c.name(), c.met(), c.evidence())).toList(),
                    clock.instant());
            card.raise(outbox.stamp(PendingEvent.of(EventCatalogue.RATING_CHANGED, branchId, id, event, clock.instant())));
        }
        try {
            mongo.save(card);
        } catch (DuplicateKeyException createdConcurrently) {
            throw new OptimisticLockingFailureException("scorecard " + id + " was created concurrently", createdConcurrently);
        }
        outbox.publishSoon(BranchScorecard.COLLECTION, id);
    }

    public BranchScorecard get(String branchId, int year) {
        BranchScorecard card = mongo.findById(BranchScorecard.idFor(branchId, year), BranchScorecard.class);
        if (card == null) {
            throw new NotFoundException("scorecard of branch", branchId + " for " + year);
        }
        return card;
    }
}
