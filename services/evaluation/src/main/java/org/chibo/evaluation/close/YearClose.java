package org.chibo.evaluation.close;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.evaluation.RatingChanged;
import org.chibo.contracts.evaluation.YearClosed;
import org.chibo.evaluation.RatingSettings;
import org.chibo.evaluation.decision.RatingRecord;
import org.chibo.evaluation.membership.Organisation;
import org.chibo.evaluation.rating.Assessment;
import org.chibo.evaluation.rating.BranchYear;
import org.chibo.evaluation.rating.ExcellenceCap;
import org.chibo.evaluation.rating.MemberYear;
import org.chibo.evaluation.rating.Rating;
import org.chibo.evaluation.rating.RatingThresholds;
import org.chibo.evaluation.rating.RuleSet;
import org.chibo.evaluation.rating.RuleSets;
import org.chibo.evaluation.record.BranchRecord;
import org.chibo.evaluation.record.MemberRegister;
import org.chibo.evaluation.record.MemberTally;
import org.chibo.evaluation.record.OrganisationPath;
import org.chibo.evaluation.scorecard.BranchScorecard;
import org.chibo.evaluation.scorecard.RatingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Year close: computes the final rating proposal of every member and every branch of the year from the year's record,
 * applies the EXCELLENT cap in each rating unit, writes each rating with its event in one document (bulk, 1,000 at a
 * time) and publishes them. Once per year; closing again answers the first close's figures. An interrupted close can
 * be run again: the ratings are the same pure function of the record, and those written already are kept.
 */
@Service
public class YearClose {

    private static final Logger log = LoggerFactory.getLogger(YearClose.class);
    private static final int BATCH = 1000;
    /** Documents per reply when streaming: without it the embedded store answers a whole collection in one message, too big to read. */
    private static final int CURSOR_BATCH = 500;

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RatingThresholds thresholds;
    private final RuleSet<MemberYear> memberRules;
    private final RuleSet<BranchYear> branchRules;

    YearClose(MongoTemplate mongo, Outbox outbox, Clock clock, MeterRegistry meters, RatingSettings settings) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.thresholds = settings.thresholds();
        this.memberRules = RuleSets.member(thresholds);
        this.branchRules = RuleSets.branch(thresholds);
    }

    public Optional<ClosedYear> closed(int year) {
        return Optional.ofNullable(mongo.findById(year, ClosedYear.class));
    }

    /** Closes {@code year} unless closed before; {@code by} is who asked (a user, or the scheduler). */
    public synchronized ClosedYear.Answer close(int year, String by) {
        Optional<ClosedYear> done = closed(year);
        if (done.isPresent()) {
            return ClosedYear.Answer.of(done.get().getFigures(), true);
        }
        Timer.Sample timing = Timer.start(meters);
        long started = System.nanoTime();
        log.info("year {} close begun by {}", year, by);
        List<RatingRecord> ratings = rate(year);
        Map<String, Integer> members = countByRating(ratings, "MEMBER");
        Map<String, Integer> branches = countByRating(ratings, "BRANCH");
        write(year, ratings);
        long millis = (System.nanoTime() - started) / 1_000_000;
        YearClosed figures = new YearClosed(year, members.values().stream().mapToInt(Integer::intValue).sum(),
                branches.values().stream().mapToInt(Integer::intValue).sum(), members, branches, RuleSets.MEMBER,
                RuleSets.BRANCH, by, clock.instant(), millis);
        ClosedYear closed = new ClosedYear(figures);
        closed.raise(outbox.stamp(PendingEvent.of(EventCatalogue.YEAR_CLOSED, String.valueOf(year), String.valueOf(year),
                figures, clock.instant())));
        try {
            mongo.insert(closed);
        } catch (DuplicateKeyException closedMeanwhile) {
            return ClosedYear.Answer.of(closed(year).orElseThrow().getFigures(), true);
        }
        outbox.publishSoon(ClosedYear.COLLECTION, year);
        timing.stop(meters.timer("chibo.evaluation.year.close"));
        meters.counter("chibo.evaluation.ratings.proposed", "subject", "MEMBER").increment(figures.membersRated());
        meters.counter("chibo.evaluation.ratings.proposed", "subject", "BRANCH").increment(figures.branchesRated());
        log.info("year {} closed by {}: {} members {} and {} branches {} rated, in {} ms", year, by, figures.membersRated(),
                members, figures.branchesRated(), branches, millis);
        return ClosedYear.Answer.of(figures, false);
    }

    /** Every rating of the year, computed from the record alone; nothing is written. */
    List<RatingRecord> rate(int year) {
        Map<String, Organisation> organisations = new HashMap<>();
        mongo.findAll(Organisation.class).forEach(o -> organisations.put(o.getId(), o));

        // the register: who is rated where, and the branches with a member disciplined in the year
        Map<String, MemberRegister> rated = new LinkedHashMap<>();
        Map<String, List<String>> disciplinedByBranch = new HashMap<>();
        try (var members = mongo.stream(new Query().cursorBatchSize(CURSOR_BATCH), MemberRegister.class, MemberRegister.COLLECTION)) {
            members.forEach(m -> {
                if (m.ratedIn(year).isPresent()) {
                    rated.put(m.getId(), m);
                }
                m.disciplinesIn(year).forEach(d -> disciplinedByBranch.computeIfAbsent(d.branchId(), b -> new ArrayList<>()).add(m.getId()));
            });
        }
        log.info("year {} close: {} members to rate, {} organisations known", year, rated.size(), organisations.size());

        // the record: each branch's year, and each member's added up over the branches they sat in
        Map<String, MemberTally> tallies = new HashMap<>();
        Map<String, BranchYear> branchYears = new HashMap<>();
        try (var cards = mongo.stream(Query.query(Criteria.where("year").is(year)).cursorBatchSize(CURSOR_BATCH), BranchScorecard.class)) {
            cards.forEach(card -> {
                BranchRecord record = card.record();
                record.tally(tallies, thresholds);
                branchYears.put(card.getBranchId(), record.wholeYear(thresholds,
                        disciplinedByBranch.getOrDefault(card.getBranchId(), List.of()).stream().sorted().toList()));
            });
        }
        log.info("year {} close: {} branch records read", year, branchYears.size());

        List<RatingRecord> ratings = new ArrayList<>(rated.size() + organisations.size());
        ratings.addAll(rateBranches(year, organisations, branchYears, disciplinedByBranch));
        ratings.addAll(rateMembers(year, rated, tallies, organisations));
        return ratings;
    }

    private List<RatingRecord> rateBranches(int year, Map<String, Organisation> organisations, Map<String, BranchYear> branchYears,
                                            Map<String, List<String>> disciplinedByBranch) {
        Map<String, List<ExcellenceCap.Candidate>> units = new TreeMap<>();
        Map<String, Organisation> byId = new HashMap<>();
        for (Organisation o : organisations.values()) {
            if (!o.ratedIn(year)) {
                continue;
            }
            BranchYear figures = branchYears.computeIfAbsent(o.getId(), id -> new BranchRecord(id, year, new HashMap<>(), new HashMap<>())
                    .wholeYear(thresholds, disciplinedByBranch.getOrDefault(id, List.of()).stream().sorted().toList()));
            Assessment ceiling = branchRules.assess(figures);
            units.computeIfAbsent(OrganisationPath.parse(o.getPath()).branchRatingUnit(), u -> new ArrayList<>())
                    .add(new ExcellenceCap.Candidate(o.getId(), ceiling,
                            new ExcellenceCap.Standing(figures.turnout(), figures.openFindings(), o.getId())));
            byId.put(o.getId(), o);
        }
        ExcellenceCap cap = new ExcellenceCap(thresholds.excellentShare(), "open findings");
        return capped(year, units, cap, "BRANCH", id -> id, id -> byId.get(id).getPath());
    }

    private List<RatingRecord> rateMembers(int year, Map<String, MemberRegister> rated, Map<String, MemberTally> tallies,
                                           Map<String, Organisation> organisations) {
        Map<String, List<ExcellenceCap.Candidate>> units = new TreeMap<>();
        Map<String, MemberRegister.Spell> spells = new HashMap<>();
        for (MemberRegister m : rated.values()) {
            MemberRegister.Spell spell = m.ratedIn(year).orElseThrow();
            MemberYear figures = m.year(year, tallies.get(m.getId()));
            units.computeIfAbsent(spell.branchId(), u -> new ArrayList<>()).add(new ExcellenceCap.Candidate(m.getId(),
                    memberRules.assess(figures), new ExcellenceCap.Standing(figures.turnout(), figures.excusedAbsences(), m.getId())));
            spells.put(m.getId(), spell);
        }
        ExcellenceCap cap = new ExcellenceCap(thresholds.excellentShare(), "excused absences");
        return capped(year, units, cap, "MEMBER", id -> spells.get(id).branchId(), id -> {
            Organisation branch = organisations.get(spells.get(id).branchId());
            return branch != null ? branch.getPath() : spells.get(id).organisationPath();
        });
    }

    private List<RatingRecord> capped(int year, Map<String, List<ExcellenceCap.Candidate>> units, ExcellenceCap cap, String subjectType,
                                      Function<String, String> branchOf, Function<String, String> pathOf) {
        Instant now = clock.instant();
        List<RatingRecord> records = new ArrayList<>();
        units.forEach((unit, candidates) -> {
            for (ExcellenceCap.Outcome o : cap.apply(unit, candidates)) {
                String path = pathOf.apply(o.subjectId());
                Assessment a = o.assessment();
                records.add(new RatingRecord(subjectType, o.subjectId(), branchOf.apply(o.subjectId()), year, path,
                        OrganisationPath.parse(path).district(), unit, a.rating(), a.criteria(), a.ruleSetVersion(), now));
            }
        });
        return records;
    }

    private static Map<String, Integer> countByRating(List<RatingRecord> ratings, String subjectType) {
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        ratings.stream().filter(r -> r.getSubjectType().equals(subjectType))
                .forEach(r -> counts.merge(r.getProposedRating(), 1, Integer::sum));
        Map<String, Integer> byName = new LinkedHashMap<>();
        counts.forEach((rating, n) -> byName.put(rating.name(), n));
        return byName;
    }

    /** Each rating with its PROPOSED event, 1,000 documents per bulk insert; those written by an earlier try are kept. */
    private void write(int year, List<RatingRecord> ratings) {
        for (int from = 0; from < ratings.size(); from += BATCH) {
            List<RatingRecord> slice = ratings.subList(from, Math.min(ratings.size(), from + BATCH));
            // stamped as written, so the outbox sweeper leaves a long close's events to the bulk relay
            Instant written = clock.instant();
            for (RatingRecord r : slice) {
                RatingChanged event = new RatingChanged(r.getSubjectType(), r.getSubjectId(), r.getBranchId(), year,
                        r.getProposedRating().name(), null, "PROPOSED", r.getRuleSetVersion(),
                        RatingEvents.criteria(r.getCriteria()),
                        r.getProposedAt(), r.getOrganisationPath(), r.getRatingUnitId());
                r.raise(outbox.stamp(PendingEvent.of(EventCatalogue.RATING_CHANGED, r.getSubjectId(), r.getId(), event, written)));
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RatingRecord.class);
            bulk.insert(slice);
            try {
                bulk.execute();
            } catch (DuplicateKeyException | org.springframework.data.mongodb.BulkOperationException writtenBefore) {
                log.info("year {} close: some of ratings {}..{} were written by an earlier close, kept", year, from, from + slice.size());
            }
            outbox.publishAllSoon(RatingRecord.COLLECTION, slice.stream().map(RatingRecord::getId).toList());
            if ((from / BATCH) % 20 == 19 || from + BATCH >= ratings.size()) {
                log.info("year {} close: {} of {} ratings written", year, from + slice.size(), ratings.size());
            }
        }
    }
}
