package org.chibo.evaluation.scorecard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.chibo.chassis.outbox.Conflicts;
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
 * concurrent update from the other topic's listener (or the outbox relay) fails the save, which is done again on
 * fresh state. A change that changes nothing is not written.
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
     * branch's meetings arriving together cost one write), then their events relayed in one go. A save that meets a
     * concurrent write (the other listener, or the relay removing what it published) is done again on fresh state.
     */
    void applyAll(List<Change> changes) {
        Map<String, List<Change>> byCard = new LinkedHashMap<>();
        changes.forEach(c -> byCard.computeIfAbsent(BranchScorecard.idFor(c.branchId(), c.year()), id -> new ArrayList<>()).add(c));
        Map<String, BranchScorecard> loaded = new HashMap<>();
        find(List.copyOf(byCard.keySet())).forEach(card -> loaded.put(card.getId(), card));
        List<String> written = new ArrayList<>();
        byCard.forEach((id, cardChanges) -> {
            AtomicReference<BranchScorecard> preloaded = new AtomicReference<>(loaded.get(id));
            boolean wrote = Conflicts.retry(() -> {
                BranchScorecard card = preloaded.getAndSet(null);
                if (card == null) {
                    card = mongo.findById(id, BranchScorecard.class);
                }
                return applyTo(card, cardChanges);
            });
            if (wrote) {
                written.add(id);
            }
        });
        if (!written.isEmpty()) {
            outbox.publishAllSoon(BranchScorecard.COLLECTION, written);
        }
    }

    private boolean applyTo(BranchScorecard found, List<Change> changes) {
        Change first = changes.get(0);
        BranchScorecard card = found != null ? found : new BranchScorecard(first.branchId(), first.year(), first.organisationPath());
        boolean changed = false;
        for (Change c : changes) {
            if (c.change().test(card.record())) {
                card.placedAt(c.organisationPath());
                changed = true;
            }
        }
        if (!changed) {
            return false;
        }
        rerate(card);
        try {
            mongo.save(card);
        } catch (DuplicateKeyException createdConcurrently) {
            throw new OptimisticLockingFailureException("scorecard " + card.getId() + " was created concurrently", createdConcurrently);
        }
        return true;
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
