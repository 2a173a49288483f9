package org.chibo.evaluation.scorecard;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.evaluation.RatingChanged;
import org.chibo.evaluation.RatingSettings;
import org.chibo.evaluation.rating.Assessment;
import org.chibo.evaluation.rating.BranchYear;
import org.chibo.evaluation.rating.Rating;
import org.chibo.evaluation.rating.RatingThresholds;
import org.chibo.evaluation.rating.RuleSet;
import org.chibo.evaluation.rating.RuleSets;
import org.chibo.evaluation.record.BranchRecord;
import org.chibo.evaluation.record.OrganisationPath;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Applies events to a branch's year and re-rates it provisionally. Read, change, save with the version check: a
 * concurrent update from the other topic's listener (or the outbox relay) fails the save, and the listener's
 * transient-error retry applies it again on fresh state. A change that changes nothing is not written.
 */
@Service
public class Scorecards {

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final RatingThresholds thresholds;
    private final RuleSet<BranchYear> rules;

    Scorecards(MongoTemplate mongo, Outbox outbox, Clock clock, RatingSettings settings) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.thresholds = settings.thresholds();
        this.rules = RuleSets.branch(thresholds);
    }

    void apply(String branchId, int year, String organisationPath, Predicate<BranchRecord> change) {
        String id = BranchScorecard.idFor(branchId, year);
        BranchScorecard card = mongo.findById(id, BranchScorecard.class);
        if (card == null) {
            card = new BranchScorecard(branchId, year, organisationPath);
        }
        if (!change.test(card.record())) {
            return;
        }
        card.placedAt(organisationPath);
        Assessment assessment = provisional(card.record());
        Rating previous = card.reassess(assessment);
        if (previous != assessment.rating()) {
            RatingChanged event = new RatingChanged("BRANCH", branchId, branchId, year, assessment.rating().name(),
                    previous == null ? null : previous.name(), "PROVISIONAL", assessment.ruleSetVersion(),
                    RatingEvents.criteria(assessment.criteria()), clock.instant(), card.getOrganisationPath(),
                    OrganisationPath.parse(card.getOrganisationPath()).branchRatingUnit());
            card.raise(outbox.stamp(PendingEvent.of(EventCatalogue.RATING_CHANGED, branchId, id, event, clock.instant())));
        }
        try {
            mongo.save(card);
        } catch (DuplicateKeyException createdConcurrently) {
            throw new OptimisticLockingFailureException("scorecard " + id + " was created concurrently", createdConcurrently);
        }
        outbox.publishSoon(BranchScorecard.COLLECTION, id);
    }

    public Assessment provisional(BranchRecord record) {
        return RuleSets.provisional(rules.assess(record.soFar(thresholds)));
    }

    public RatingThresholds thresholds() {
        return thresholds;
    }

    public BranchScorecard get(String branchId, int year) {
        BranchScorecard card = mongo.findById(BranchScorecard.idFor(branchId, year), BranchScorecard.class);
        if (card == null) {
            throw new NotFoundException("scorecard of branch", branchId + " for " + year);
        }
        return card;
    }

    public List<BranchScorecard> find(List<String> ids) {
        return org.chibo.chassis.store.InBatches.find(mongo, "_id", ids, BranchScorecard.class);
    }
}
