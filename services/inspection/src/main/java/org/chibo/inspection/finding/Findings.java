package org.chibo.inspection.finding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.bson.Document;
import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.paths.MaterialisedPaths;
import org.chibo.chassis.store.InBatches;
import org.chibo.chassis.web.ConflictException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.inspection.rules.Breach;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The findings: raised by the rules, moved through their lifecycle by people and by the service itself. Every write
 * is one document (state and events together); a finding that changes is saved under its {@code @Version}, again on
 * fresh state when the outbox relay moved it meanwhile.
 */
@Service
public class Findings {

    /** Who a change is by when the service made it itself: an amended record, a meeting recorded late. */
    public static final String SERVICE = "inspection";

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
        mongo.indexOps(Finding.COLLECTION).createIndex(new Index().on("organisationPath", Sort.Direction.ASC).on("raisedAt", Sort.Direction.DESC));
    }

    /** Raises the finding unless one with its id exists; returns whether it is new. */
    public boolean raise(NewFinding f) {
        Finding finding = Finding.raise(f, clock.instant());
        finding.stampPending(outbox::stamp);
        try {
            mongo.insert(finding);
        } catch (DuplicateKeyException alreadyRaised) {
            return false;
        }
        raised(f);
        outbox.publishSoon(Finding.COLLECTION, finding.getId());
        return true;
    }

    /**
     * For a rule that has just become broken: raises its finding, or re-opens it when it was RESOLVED (by a person or
     * by the service) and the rule now breaks again, showing the new figures. A DISMISSED finding stays dismissed.
     * Returns whether it was raised now.
     */
    public boolean raiseOrReopen(NewFinding f, String reason) {
        if (raise(f)) {
            return true;
        }
        change(f.id(), finding -> finding.getStatus() == FindingStatus.RESOLVED, finding -> finding.describe(f.breach()),
                FindingStatus.OPEN, SERVICE, reason);
        return false;
    }

    /**
     * Raises many findings in one unordered bulk insert, as closing a period does for a whole city; those that exist
     * already (a close run again after a crash) are left as they are. Returns the ids raised now.
     */
    public List<String> raiseAll(List<NewFinding> candidates) {
        Set<String> existing = new HashSet<>();
        for (List<NewFinding> slice : InBatches.of(candidates)) {
            Query ids = Query.query(Criteria.where("_id").in(slice.stream().map(NewFinding::id).toList()));
            ids.fields().include("_id");
            mongo.find(ids, Document.class, Finding.COLLECTION).forEach(d -> existing.add(d.getString("_id")));
        }
        Instant now = clock.instant();
        List<NewFinding> fresh = candidates.stream().filter(f -> !existing.contains(f.id())).toList();
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<Finding> documents = fresh.stream().map(f -> {
            Finding finding = Finding.raise(f, now);
            finding.stampPending(outbox::stamp);
            return finding;
        }).toList();
        Set<Integer> refused = new HashSet<>();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Finding.class).insert(documents).execute();
        } catch (BulkOperationException e) {
            // raised meanwhile by another close of the same period: theirs stands
            e.getErrors().forEach(error -> refused.add(error.getIndex()));
        }
        List<String> raisedIds = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            if (!refused.contains(i)) {
                raised(fresh.get(i));
                raisedIds.add(fresh.get(i).id());
            }
        }
        outbox.publishAllSoon(Finding.COLLECTION, raisedIds);
        return raisedIds;
    }

    /**
     * A finding whose rule stays broken on a record that has grown or shrunk (R-M1: another month of absence, or an
     * earlier one arriving late): its figures and the day it is about follow the record, whatever its status. Not a
     * step in its lifecycle, so no event: the raised event told the figures as they were then. Nothing is written when
     * nothing changed (a replay).
     */
    public void redescribe(String id, LocalDate occurredOn, Breach breach) {
        Conflicts.retry(() -> {
            Finding finding = mongo.findById(id, Finding.class);
            if (finding != null && finding.redescribe(occurredOn, breach)) {
                mongo.save(finding);
            }
            return finding;
        });
    }

    /** Resolves a finding that is still OPEN or ACKNOWLEDGED because its breach is gone; anything else is left alone. */
    public void resolveAutomatically(String id, String reason) {
        change(id, finding -> finding.getStatus().isActive(), finding -> { }, FindingStatus.RESOLVED, SERVICE, reason);
    }

    /**
     * {@link #resolveAutomatically} for many candidates ({@code id → reason}), most of which usually do not exist: one
     * read finds those still OPEN or ACKNOWLEDGED.
     */
    public void resolveAllAutomatically(Map<String, String> reasons) {
        for (List<String> slice : InBatches.of(reasons.keySet())) {
            Query active = Query.query(Criteria.where("_id").in(slice)
                    .and("status").in(FindingStatus.OPEN.name(), FindingStatus.ACKNOWLEDGED.name()));
            active.fields().include("_id");
            for (Document d : mongo.find(active, Document.class, Finding.COLLECTION)) {
                resolveAutomatically(d.getString("_id"), reasons.get(d.getString("_id")));
            }
        }
    }

    /**
     * A person's move: 404 for an unknown finding, then {@code allowed} (the caller's scope, checked on the state about
     * to change, so a finding moved to another subtree meanwhile is judged where it stands now), then 409 naming
     * {@code status} when the lifecycle does not allow it.
     */
    public Finding move(String id, FindingStatus next, String by, String reason, Consumer<Finding> allowed) {
        return Conflicts.retry(() -> {
            Finding finding = get(id);
            allowed.accept(finding);
            if (!finding.getStatus().mayBecome(next)) {
                throw new ConflictException("status", "a finding that is " + finding.getStatus() + " cannot become " + next);
            }
            save(finding, next, by, reason);
            return finding;
        });
    }

    private void change(String id, Predicate<Finding> applies, Consumer<Finding> amend,
                        FindingStatus next, String by, String reason) {
        Conflicts.retry(() -> {
            Finding finding = mongo.findById(id, Finding.class);
            if (finding != null && applies.test(finding)) {
                amend.accept(finding);
                save(finding, next, by, reason);
            }
            return finding;
        });
    }

    private void save(Finding finding, FindingStatus next, String by, String reason) {
        finding.moveTo(next, by, clock.instant(), reason);
        finding.stampPending(outbox::stamp);
        mongo.save(finding);
        meters.counter("chibo.inspection.findings.status.changed", "status", next.name()).increment();
        outbox.publishSoon(Finding.COLLECTION, finding.getId());
    }

    private void raised(NewFinding f) {
        meters.counter("chibo.inspection.findings.raised", "rule", f.rule().id()).increment();
    }

    public Finding get(String id) {
        Finding f = mongo.findById(id, Finding.class);
        if (f == null) {
            throw new NotFoundException("finding", id);
        }
        return f;
    }

    /**
     * A page of findings, newest first, inside {@code filter.where} (the subtree asked for, or the caller's), narrowed
     * by whichever of the other filters are given.
     */
    public List<Finding> list(Filter filter, int page, int size) {
        Query query = new Query(filter.where());
        if (filter.branchId() != null) query.addCriteria(Criteria.where("branchId").is(filter.branchId()));
        if (filter.status() != null) query.addCriteria(Criteria.where("status").is(filter.status().name()));
        if (filter.ruleId() != null) query.addCriteria(Criteria.where("ruleId").is(filter.ruleId()));
        return mongo.find(query.with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("_id")))),
                Finding.class);
    }

    /**
     * Narrows a listing; a null filter does not narrow.
     *
     * @param where the subtree listed, on {@code organisationPath} (never null: a listing is always limited to one)
     */
    public record Filter(Criteria where, String branchId, FindingStatus status, String ruleId) {
        public Filter {
            java.util.Objects.requireNonNull(where, "a listing is always limited to a subtree");
        }
    }

    /** After a unit moved with its subtree, its findings follow it (organisation-moved). */
    public int movePaths(String from, String to) {
        return MaterialisedPaths.rewritePrefix(mongo, Finding.COLLECTION, "organisationPath", from, to, true);
    }
}
