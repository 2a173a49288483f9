package org.chibo.evaluation.scorecard;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Applies events to branches' years and re-rates them provisionally. Read, change, save with the version check: a
 * concurrent update from the other topic's listener (or the outbox relay) fails the save, and the listener applies
 * the poll again one event at a time on fresh state (the chassis retries a conflict in place). A change that changes
 * nothing is not written.
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

    /** One event's change to a branch's year; says whether it changed anything. */
    record Change(String branchId, int year, String organisationPath, Predicate<BranchRecord> change) {
    }

    /**
     * Applies a poll's changes: one read of the branch-years they touch, each changed one re-rated and saved once (so a
     * branch's meetings arriving together cost one write), then their events relayed in one go.
     */
    void applyAll(List<Change> changes) {
        Map<String, BranchScorecard> cards = new HashMap<>();
        find(changes.stream().map(c -> BranchScorecard.idFor(c.branchId(), c.year())).distinct().toList())
                .forEach(card -> cards.put(card.getId(), card));
        Set<String> changed = new LinkedHashSet<>();
        for (Change c : changes) {
            BranchScorecard card = cards.computeIfAbsent(BranchScorecard.idFor(c.branchId(), c.year()),
                    id -> new BranchScorecard(c.branchId(), c.year(), c.organisationPath()));
            if (c.change().test(card.record())) {
                card.placedAt(c.organisationPath());
                changed.add(card.getId());
            }
        }
        for (String id : changed) {
            BranchScorecard card = cards.get(id);
            rerate(card);
            try {
                mongo.save(card);
            } catch (DuplicateKeyException createdConcurrently) {
                throw new OptimisticLockingFailureException("scorecard " + id + " was created concurrently", createdConcurrently);
            }
        }
        if (!changed.isEmpty()) {
            outbox.publishAllSoon(BranchScorecard.COLLECTION, changed);
        }
    }

    private void rerate(BranchScorecard card) {
        Assessment assessment = provisional(card.record());
        Rating previous = card.reassess(assessment);
        if (previous != assessment.rating()) {
            RatingChanged event = new RatingChanged("BRANCH", card.getBranchId(), card.getBranchId(), card.getYear(),
                    assessment.rating().name(), previous == null ? null : previous.name(), "PROVISIONAL", assessment.ruleSetVersion(),
                    RatingEvents.criteria(assessment.criteria()), clock.instant(), card.getOrganisationPath(),
                    OrganisationPath.parse(card.getOrganisationPath()).branchRatingUnit());
            card.raise(outbox.stamp(PendingEvent.of(EventCatalogue.RATING_CHANGED, card.getBranchId(), card.getId(), event, clock.instant())));
        }
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
