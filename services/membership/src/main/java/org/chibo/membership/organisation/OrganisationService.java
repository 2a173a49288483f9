package org.chibo.membership.organisation;

import org.chibo.chassis.store.Exists;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.paths.MaterialisedPaths;
import org.chibo.chassis.store.InBatches;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.ConflictException;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.OrganisationDissolved;
import org.chibo.contracts.membership.OrganisationMerged;
import org.chibo.contracts.membership.OrganisationMoved;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.chibo.contracts.membership.OrganisationRenamed;
import org.chibo.membership.member.Member;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class OrganisationService {

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final PathRepairs repairs;

    OrganisationService(MongoTemplate mongo, Outbox outbox, Clock clock, PathRepairs repairs) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.repairs = repairs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        // a subtree is every unit whose path starts with the root's path: an anchored prefix query on this index
        mongo.indexOps(OrganisationUnit.COLLECTION).createIndex(new Index().on("path", Sort.Direction.ASC));
        mongo.indexOps(OrganisationUnit.COLLECTION).createIndex(new Index().on("code", Sort.Direction.ASC).unique());
    }

    /**
     * @param id the new unit's id, or null for a fresh one. A root (no parent) is registered under the id of the
     *           organisation the city admin's token is bound to: a root lies in nobody's subtree but its own.
     */
    public OrganisationUnit register(String id, String name, OrganisationKind kind, String parentId, String code,
                                     BranchKind branchKind, Integer meetingDay) {
        OrganisationUnit parent = null;
        if (parentId != null) {
            parent = mongo.findById(parentId, OrganisationUnit.class);
            if (parent == null) {
                throw new InvalidFieldException("parentId", "no organisation unit " + parentId);
            }
        }
        String placementProblem = placementProblem(kind, parent);
        if (placementProblem != null) {
            throw new InvalidFieldException("parentId", placementProblem);
        }
        if (branchKind != null && !kind.holdsMembers()) {
            throw new InvalidFieldException("branchKind", "only a branch (chi bộ) has a branch kind, not a " + kind);
        }
        if (code != null && byCode(code) != null) {
            throw new ConflictException("code", "unit code " + code + " is already in use");
        }
        if (id != null && mongo.findById(id, OrganisationUnit.class) != null) {
            throw new ConflictException("parentId", "unit " + id + " is already registered: a root takes the id of the"
                    + " organisation your token is bound to, and there is one such root");
        }
        OrganisationUnit unit = newUnit(id == null ? UUID.randomUUID().toString() : id, parent, kind, name.strip(), code,
                branchKind, meetingDay, clock.instant());
        try {
            mongo.insert(unit);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw new ConflictException("code", "unit code " + code + " or id " + unit.getId() + " is already in use");
        }
        outbox.publishSoon(OrganisationUnit.COLLECTION, unit.getId());
        return unit;
    }

    /** Why {@code kind} cannot sit under {@code parent} (null for a root), or null when it can. */
    public static String placementProblem(OrganisationKind kind, OrganisationUnit parent) {
        if (parent != null && parent.isDissolved()) {
            return parent.getName() + " was dissolved on " + parent.getDissolvedOn();
        }
        if (parent != null && parent.getMerging() != null) {
            return parent.getName() + " is being merged into another unit";
        }
        if (parent == null) {
            return kind.mayStandAlone() ? null : "a " + kind + " needs a parent, one of " + kind.allowedParents();
        }
        if (!kind.allowedParents().contains(parent.getKind())) {
            return "a " + kind + " cannot sit under a " + parent.getKind() + "; allowed parents: " + kind.allowedParents();
        }
        return null;
    }

    /** A new unit with its OrganisationRegistered event waiting in its outbox; the caller writes it. */
    public OrganisationUnit newUnit(String id, OrganisationUnit parent, OrganisationKind kind, String name, String code,
                                    BranchKind branchKind, Integer meetingDay, Instant now) {
        OrganisationUnit unit = new OrganisationUnit(id, parent, kind, name, code, branchKind, meetingDay, now);
        OrganisationRegistered event = new OrganisationRegistered(unit.getId(), unit.getParentId(), kind.name(),
                unit.getName(), unit.getPath(), unit.getRegisteredAt(), unit.getCode(),
                branchKind == null ? null : branchKind.name(), meetingDay);
        unit.raise(outbox.stamp(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, unit.getId(), unit.getId(),
                event, now)));
        return unit;
    }

    public OrganisationUnit rename(String id, String name) {
        return Conflicts.retry(() -> {
            OrganisationUnit unit = get(id);
            requireActive(unit);
            String previous = unit.getName();
            if (previous.equals(name)) {
                return unit;
            }
            unit.rename(name);
            unit.raise(outbox.stamp(PendingEvent.of(EventCatalogue.ORGANISATION_RENAMED, unit.getId(), unit.getId(),
                    new OrganisationRenamed(unit.getId(), name, previous), clock.instant())));
            return saveAndPublish(unit);
        });
    }

    /**
     * Moves the unit and its subtree under {@code parentId}. The unit's own document (new parent, new path, the event
     * and the repair still owed) is one write; the descendants' paths are then rewritten by {@link PathRepairs}, now
     * and again after a crash, so the tree ends consistent.
     */
    public OrganisationUnit move(String id, String parentId) {
        OrganisationUnit moved = Conflicts.retry(() -> {
            OrganisationUnit unit = get(id);
            requireActive(unit);
            OrganisationUnit parent = mongo.findById(parentId, OrganisationUnit.class);
            if (parent == null) {
                throw new InvalidFieldException("parentId", "no organisation unit " + parentId);
            }
            if (parent.getPath().startsWith(unit.getPath())) {
                throw new InvalidFieldException("parentId", "a unit cannot move under itself or its own subtree");
            }
            if (parent.getId().equals(unit.getParentId())) {
                return unit;
            }
            String placement = placementProblem(unit.getKind(), parent);
            if (placement != null) {
                throw new InvalidFieldException("parentId", placement);
            }
            // the cell's members are on the old branch's rolls and cannot follow it to another branch (in a merger
            // they are moved onto the new branch's rolls first, and the cell may follow them)
            if (unit.getKind() == OrganisationKind.CELL
                    && Exists.any(mongo, Query.query(inCell(unit).and("branchId").ne(parent.getId())), Member.class)) {
                throw new ConflictException("id", "party cell " + unit.getName()
                        + " still has members: take them out of it before moving it to another branch");
            }
            if (unit.getPendingRepair() != null) {
                throw new ConflictException("parentId", "the unit's previous move is still being applied; try again shortly");
            }
            String previousParent = unit.getParentId();
            String previousPath = unit.getPath();
            unit.moveUnder(parent);
            unit.raise(outbox.stamp(PendingEvent.of(EventCatalogue.ORGANISATION_MOVED, unit.getId(), unit.getId(),
                    new OrganisationMoved(unit.getId(), previousParent, parent.getId(), previousPath, unit.getPath()), clock.instant())));
            return saveAndPublish(unit);
        });
        repairs.repair(moved.getId());
        return get(id);
    }

    /** Giải thể: only an empty unit, with no active unit below it and nobody on its rolls. */
    public OrganisationUnit dissolve(String id, java.time.LocalDate on, String decisionRef) {
        if (on.isAfter(BusinessDates.today(clock))) {
            throw new InvalidFieldException("dissolvedOn", "dissolution date " + on + " is in the future");
        }
        return Conflicts.retry(() -> {
            OrganisationUnit unit = get(id);
            requireActive(unit);
            Pattern below = MaterialisedPaths.below(unit.getPath());
            long units = activeUnitsBelow(unit);
            long members = mongo.count(Query.query(unit.getKind() == OrganisationKind.CELL ? inCell(unit)
                    : Criteria.where("organisationPath").regex(below).and("departure").isNull()), Member.class);
            if (units > 0 || members > 0) {
                throw new ConflictException("id", unit.getName() + " still has " + units + " active unit(s) and " + members
                        + " member(s) below it: move or dissolve them first");
            }
            unit.dissolve(on);
            unit.raise(outbox.stamp(PendingEvent.of(EventCatalogue.ORGANISATION_DISSOLVED, unit.getId(), unit.getId(),
                    new OrganisationDissolved(unit.getId(), on, decisionRef), clock.instant())));
            return saveAndPublish(unit);
        });
    }

    /**
     * The members a party cell groups: a cell keeps no rolls (its path is below nobody's {@code organisationPath}), its
     * members stay on the branch's and name the cell; those who left the rolls no longer count.
     */
    private static Criteria inCell(OrganisationUnit cell) {
        return Criteria.where("cellId").is(cell.getId()).and("departure").isNull();
    }

    /** Writes the unit with the events it raised in the same document write, then asks for them to go out now. */
    OrganisationUnit saveAndPublish(OrganisationUnit unit) {
        mongo.save(unit);
        outbox.publishSoon(OrganisationUnit.COLLECTION, unit.getId());
        return unit;
    }

    private static void requireActive(OrganisationUnit unit) {
        if (unit.isDissolved()) {
            throw new ConflictException("id", unit.getName() + " was dissolved on " + unit.getDissolvedOn());
        }
        if (unit.getMerging() != null) {
            throw new ConflictException("id", unit.getName() + " is being merged into " + unit.getMerging().intoId());
        }
    }

    /**
     * Sáp nhập, the first step: records on the unit, in one write with its organisation-merged event, that it merges
     * into {@code intoId}; {@link Mergers} carries it out. Only units of one kind merge, neither dissolved or merging.
     */
    OrganisationUnit startMerger(String id, String intoId, java.time.LocalDate on, String decisionRef) {
        if (on.isAfter(BusinessDates.today(clock))) {
            throw new InvalidFieldException("mergedOn", "merger date " + on + " is in the future");
        }
        return Conflicts.retry(() -> {
            OrganisationUnit unit = get(id);
            requireActive(unit);
            OrganisationUnit into = mongo.findById(intoId, OrganisationUnit.class);
            if (into == null) {
                throw new InvalidFieldException("intoId", "no organisation unit " + intoId);
            }
            if (into.getId().equals(unit.getId())) {
                throw new InvalidFieldException("intoId", "a unit cannot merge into itself");
            }
            if (into.isClosing()) {
                throw new InvalidFieldException("intoId", into.getName() + " is dissolved or being merged itself");
            }
            if (into.getKind() != unit.getKind()) {
                throw new InvalidFieldException("intoId", "only units of one kind merge: a " + unit.getKind()
                        + " into a " + unit.getKind() + ", not into a " + into.getKind());
            }
            if (unit.getPendingRepair() != null) {
                throw new ConflictException("id", "the unit's last move is still being applied; try again shortly");
            }
            unit.startMerger(new OrganisationUnit.Merger(into.getId(), on, decisionRef));
            unit.raise(outbox.stamp(PendingEvent.of(EventCatalogue.ORGANISATION_MERGED, unit.getId(), unit.getId(),
                    new OrganisationMerged(unit.getId(), into.getId(), on, decisionRef), clock.instant())));
            return saveAndPublish(unit);
        });
    }

    /** The last step of a merger: the unit, now empty, is dissolved on the merger's date. False while not yet empty. */
    boolean finishMerger(String id) {
        return Boolean.TRUE.equals(Conflicts.retry(() -> {
            OrganisationUnit unit = get(id);
            if (unit.getMerging() == null) {
                return true;
            }
            if (activeUnitsBelow(unit) > 0 || Exists.any(mongo, Query.query(Criteria.where("branchId").is(id)
                    .and("departure").isNull().and("transfer").isNull()), Member.class)) {
                return false;
            }
            OrganisationUnit.Merger m = unit.getMerging();
            unit.finishMerger();
            unit.raise(outbox.stamp(PendingEvent.of(EventCatalogue.ORGANISATION_DISSOLVED, unit.getId(), unit.getId(),
                    new OrganisationDissolved(unit.getId(), m.mergedOn(), m.decisionRef()), clock.instant())));
            saveAndPublish(unit);
            return true;
        }));
    }

    private long activeUnitsBelow(OrganisationUnit unit) {
        return mongo.count(Query.query(Criteria.where("path").regex(MaterialisedPaths.below(unit.getPath()))
                .and("_id").ne(unit.getId()).and("dissolvedOn").isNull()), OrganisationUnit.class);
    }

    /** The active units directly below {@code id}. */
    List<OrganisationUnit> activeChildren(String id) {
        return mongo.find(Query.query(Criteria.where("parentId").is(id).and("dissolvedOn").isNull()), OrganisationUnit.class);
    }

    /** The unit, or null. */
    public OrganisationUnit find(String id) {
        return mongo.findById(id, OrganisationUnit.class);
    }

    public OrganisationUnit get(String id) {
        OrganisationUnit unit = mongo.findById(id, OrganisationUnit.class);
        if (unit == null) {
            throw new NotFoundException("organisation unit", id);
        }
        return unit;
    }

    public OrganisationUnit byCode(String code) {
        return mongo.findOne(Query.query(Criteria.where("code").is(code)), OrganisationUnit.class);
    }

    public List<OrganisationUnit> byCodes(java.util.Collection<String> codes) {
        return InBatches.find(mongo, "code", codes, OrganisationUnit.class);
    }

    /** Units and members below {@code id} (not the unit itself), by kind and by status. */
    public SubtreeCounts counts(String id) {
        OrganisationUnit root = get(id);
        Pattern below = MaterialisedPaths.below(root.getPath());
        // a dissolved unit stays in the register, for its history, but is no longer part of the tree's figures
        Map<String, Integer> units = group(OrganisationUnit.COLLECTION,
                Criteria.where("path").regex(below).and("_id").ne(root.getId()).and("dissolvedOn").isNull(), "kind");
        // members who left the rolls stay in the register but are nobody's members any more
        Map<String, Integer> members = group(Member.COLLECTION,
                Criteria.where("organisationPath").regex(below).and("departure").isNull(), "status");
        return new SubtreeCounts(units, members);
    }

    private Map<String, Integer> group(String collection, Criteria match, String field) {
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(match), Aggregation.group(field).count().as("n"));
        Map<String, Integer> counts = new TreeMap<>();
        for (Document d : mongo.aggregate(aggregation, collection, Document.class)) {
            counts.put(String.valueOf(d.get("_id")), ((Number) d.get("n")).intValue());
        }
        return counts;
    }

    public record SubtreeCounts(Map<String, Integer> unitsByKind, Map<String, Integer> membersByStatus) {
    }
}
