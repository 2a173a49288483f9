package org.chibo.meeting.roster;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads and writes the roster projection. Writes are natural-key saves, so applying an event twice changes nothing. */
@Component
public class BranchRosters {

    private final MongoTemplate mongo;

    BranchRosters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(RosterMember.COLLECTION).createIndex(new Index().on("branchId", Sort.Direction.ASC));
    }

    void save(KnownBranch branch) {
        mongo.save(branch);
    }

    void save(RosterMember member) {
        mongo.save(member);
    }

    public Optional<KnownBranch> branch(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownBranch.class));
    }

    public List<RosterMember> membersOf(String branchId) {
        return mongo.find(Query.query(Criteria.where("branchId").is(branchId)), RosterMember.class);
    }
}
