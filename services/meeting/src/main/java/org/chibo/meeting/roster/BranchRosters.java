package org.chibo.meeting.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chibo.chassis.paths.MaterialisedPaths;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the roster projection. Every write is an upsert by the branch id that sets fields to the event's
 * values, so applying an event twice, or in another order than the branch's own registration, changes nothing.
 */
@Component
public class BranchRosters {

    static final String MOVES = "path_moves";

    private final MongoTemplate mongo;

    BranchRosters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void registerBranch(String branchId, String kind, String name, String path, Integer meetingDay) {
        Registration registration = Registration.of(branchId, path, moves());
        write(register(registration, kind, name, meetingDay));
        settle(List.of(registration));
    }

    /**
     * A unit's registration and a later move of a unit above it travel under different keys, so they may arrive in
     * either order (always on a replay). Moves are remembered, and a registration's path takes every move it missed.
     * Read once for a whole poll of registrations.
     */
    Moves moves() {
        return new Moves(mongo.findAll(org.bson.Document.class, MOVES));
    }

    /** The moves remembered, oldest path first as stored: {@code _id} the path moved, {@code to} where it went. */
    record Moves(List<org.bson.Document> all) {

        String apply(String path) {
            String current = path;
            for (int guard = 0; guard <= all.size(); guard++) {
                String before = current;
                for (org.bson.Document move : all) {
                    String from = move.getString("_id");
                    if (current.startsWith(from)) {
                        current = move.getString("to") + current.substring(from.length());
                    }
                }
                if (current.equals(before)) {
                    break;
                }
            }
            return current;
        }
    }

    /** A branch registered at {@code placed}: its registered {@code path} with the moves known when it was written. */
    record Registration(String branchId, String path, String placed) {

        static Registration of(String branchId, String path, Moves moves) {
            return new Registration(branchId, path, moves.apply(path));
        }
    }

    /** The registration's write, an upsert like a member's put, so it can join a poll's bulk write. */
    static Change register(Registration registration, String kind, String name, Integer meetingDay) {
        return new Change(registration.branchId(), byId(registration.branchId()), new Update().set("kind", kind)
                .set("name", name).set("path", registration.placed()).set("meetingDay", meetingDay), true);
    }

    /**
     * The second look after registrations were written: a move handled on another consumer thread at that very
     * moment records itself before rewriting paths, so either its rewrite saw these rosters, or this look sees the move.
     */
    void settle(List<Registration> registrations) {
        if (registrations.isEmpty()) {
            return;
        }
        Moves now = moves();
        for (Registration r : registrations) {
            String replaced = now.apply(r.path());
            if (!replaced.equals(r.placed())) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(r.branchId()).and("path").is(r.placed())),
                        new Update().set("path", replaced), BranchRoster.COLLECTION);
            }
        }
    }

    /**
     * One member's change to one roster: a single-document update, so a poll's worth of them can go to the store in
     * one ordered bulk write ({@link #writeAll}) or one at a time ({@link #write}).
     */
    record Change(String branchId, Query query, Update update, boolean upsert) {

        /** Puts of members on the same roster, with nothing else changing it in between, can be one write. */
        boolean isPut() {
            return upsert;
        }
    }

    static Change putMember(String branchId, RosterMember member) {
        return new Change(branchId, byId(branchId), new Update().set("members." + member.memberId(), member), true);
    }

    /** Changes a member already on the roster; never creates a half-known entry for one who is not. */
    static Change recognise(String branchId, String memberId, java.time.LocalDate on) {
        return new Change(branchId, onRoster(branchId, memberId), new Update().set("members." + memberId + ".status", "OFFICIAL")
                .set("members." + memberId + ".officialFrom", on), false);
    }

    static Change exempt(String branchId, String memberId, java.time.LocalDate from, java.time.LocalDate until) {
        return new Change(branchId, onRoster(branchId, memberId), new Update().set("members." + memberId + ".exemptFrom", from)
                .set("members." + memberId + ".exemptUntil", until), false);
    }

    static Change assignCell(String branchId, String memberId, String cellId) {
        return new Change(branchId, onRoster(branchId, memberId), new Update().set("members." + memberId + ".cellId", cellId), false);
    }

    static Change removeMember(String branchId, String memberId) {
        return new Change(branchId, byId(branchId), new Update().unset("members." + memberId), false);
    }

    /**
     * {@code changes} with consecutive puts on one roster folded into one update: a whole branch onboarded at once
     * is then a handful of writes of its roster instead of one per member. Only changes to other rosters may lie
     * between the folded puts, so each roster still sees its changes in their order.
     */
    static List<Change> folded(List<Change> changes) {
        List<Change> out = new ArrayList<>(changes.size());
        Map<String, Integer> openPut = new HashMap<>();
        for (Change change : changes) {
            Integer at = change.isPut() ? openPut.get(change.branchId()) : null;
            if (at != null) {
                Change open = out.get(at);
                Update merged = new Update();
                setsOf(open).forEach(merged::set);
                setsOf(change).forEach(merged::set); // the later put of the same member wins, as it would one by one
                out.set(at, new Change(open.branchId(), open.query(), merged, true));
            } else {
                if (change.isPut()) {
                    openPut.put(change.branchId(), out.size());
                } else {
                    openPut.remove(change.branchId());
                }
                out.add(change);
            }
        }
        return out;
    }

    private static Query onRoster(String branchId, String memberId) {
        return Query.query(Criteria.where("_id").is(branchId).and("members." + memberId).exists(true));
    }

    private static org.bson.Document setsOf(Change put) {
        return put.update().getUpdateObject().get("$set", org.bson.Document.class);
    }

    void write(Change change) {
        if (change.upsert()) {
            mongo.upsert(change.query(), change.update(), BranchRoster.COLLECTION);
        } else {
            mongo.updateFirst(change.query(), change.update(), BranchRoster.COLLECTION);
        }
    }

    /** Writes {@code changes} in their order, in one round trip. */
    void writeAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, BranchRoster.COLLECTION);
        for (Change change : folded(changes)) {
            if (change.upsert()) {
                bulk.upsert(change.query(), change.update());
            } else {
                bulk.updateOne(change.query(), change.update());
            }
        }
        bulk.execute();
    }

    void rename(String branchId, String name) {
        mongo.updateFirst(byId(branchId), new Update().set("name", name), BranchRoster.COLLECTION);
    }

    void dissolve(String branchId, java.time.LocalDate on) {
        mongo.updateFirst(byId(branchId), new Update().set("dissolvedOn", on), BranchRoster.COLLECTION);
    }

    /** Every roster whose path starts with {@code from} gets {@code to} instead; a rewritten one no longer matches. */
    void movePaths(String from, String to) {
        mongo.upsert(Query.query(Criteria.where("_id").is(from)), new Update().set("to", to), MOVES);
        MaterialisedPaths.rewritePrefix(mongo, BranchRoster.COLLECTION, "path", from, to, false);
    }

    void setOnline(String branchId, BranchRoster.OnlineApproval approval) {
        mongo.upsert(byId(branchId), new Update().set("online", approval), BranchRoster.COLLECTION);
    }

    void setCommittee(String branchId, String secretaryId, java.util.List<String> deputyIds) {
        mongo.upsert(byId(branchId), new Update().set("secretaryId", secretaryId).set("deputyIds", deputyIds), BranchRoster.COLLECTION);
    }

    /**
     * A branch (chi bộ) still in being, or a 422 naming {@code branchId}: only branches hold meetings and have
     * members, and a dissolved one holds none.
     */
    public BranchRoster activeBranch(String branchId) {
        BranchRoster branch = branch(branchId).orElseThrow(() -> new org.chibo.chassis.web.InvalidFieldException("branchId",
                "branch " + branchId + " is not known to the meeting service (yet): registered branches arrive from membership within seconds"));
        if (!branch.holdsMeetings()) {
            throw new org.chibo.chassis.web.InvalidFieldException("branchId", branch.dissolvedOn() != null
                    ? branch.name() + " was dissolved on " + branch.dissolvedOn()
                    : branch.kind() + " " + branch.name() + " is not a branch (chi bộ)");
        }
        return branch;
    }

    public Optional<BranchRoster> branch(String id) {
        return Optional.ofNullable(mongo.findById(id, BranchRoster.class)).filter(BranchRoster::isKnown);
    }

    private static Query byId(String branchId) {
        return Query.query(Criteria.where("_id").is(branchId));
    }
}
