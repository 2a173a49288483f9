package org.chibo.meeting.roster;

import java.util.List;
import java.util.Optional;

import org.chibo.chassis.paths.MaterialisedPaths;
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

    void registerBranch(String branchId, String kind, String name, String path) {
        mongo.upsert(byId(branchId), new Update().set("kind", kind).set("name", name).set("path", afterMoves(path)),
                BranchRoster.COLLECTION);
    }

    /**
     * A unit's registration and a later move of a unit above it travel under different keys, so they may arrive in
     * either order (always on a replay). Moves are remembered, and a registration's path takes every move it missed.
     */
    private String afterMoves(String path) {
        List<org.bson.Document> moves = mongo.findAll(org.bson.Document.class, MOVES);
        String current = path;
        for (int guard = 0; guard <= moves.size(); guard++) {
            String before = current;
            for (org.bson.Document move : moves) {
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

    void putMember(String branchId, RosterMember member) {
        mongo.upsert(byId(branchId), new Update().set("members." + member.memberId(), member), BranchRoster.COLLECTION);
    }

    /** Changes a member already on the roster; never creates a half-known entry for one who is not. */
    void recognise(String branchId, String memberId) {
        mongo.updateFirst(onRoster(branchId, memberId), new Update().set("members." + memberId + ".status", "OFFICIAL"),
                BranchRoster.COLLECTION);
    }

    void exempt(String branchId, String memberId, java.time.LocalDate from, java.time.LocalDate until) {
        mongo.updateFirst(onRoster(branchId, memberId), new Update().set("members." + memberId + ".exemptFrom", from)
                .set("members." + memberId + ".exemptUntil", until), BranchRoster.COLLECTION);
    }

    private static Query onRoster(String branchId, String memberId) {
        return Query.query(Criteria.where("_id").is(branchId).and("members." + memberId).exists(true));
    }

    void removeMember(String branchId, String memberId) {
        mongo.updateFirst(byId(branchId), new Update().unset("members." + memberId), BranchRoster.COLLECTION);
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

    public Optional<BranchRoster> branch(String id) {
        return Optional.ofNullable(mongo.findById(id, BranchRoster.class)).filter(BranchRoster::isKnown);
    }

    private static Query byId(String branchId) {
        return Query.query(Criteria.where("_id").is(branchId));
    }
}
