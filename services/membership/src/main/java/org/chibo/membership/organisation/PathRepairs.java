package org.chibo.membership.organisation;

import org.chibo.chassis.paths.MaterialisedPaths;
import org.chibo.membership.member.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes moves: rewrites the path prefix of every unit and member below a moved unit, then clears the repair the
 * move left in the unit's document. Idempotent (a rewritten document no longer matches the old prefix), so it runs
 * again safely after a crash: at start-up and then every minute for any repair still owed.
 */
@Component
class PathRepairs {

    private static final Logger log = LoggerFactory.getLogger(PathRepairs.class);

    private final MongoTemplate mongo;

    PathRepairs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Scheduled(fixedDelayString = "${chibo.membership.path-repair-interval:PT1M}")
    void finishLeftovers() {
        for (OrganisationUnit unit : mongo.find(Query.query(Criteria.where("pendingRepair").ne(null)), OrganisationUnit.class)) {
            repair(unit.getId());
        }
    }

    void repair(String unitId) {
        OrganisationUnit unit = mongo.findById(unitId, OrganisationUnit.class);
        if (unit == null || unit.getPendingRepair() == null) {
            return;
        }
        OrganisationUnit.PathRepair r = unit.getPendingRepair();
        int units = MaterialisedPaths.rewritePrefix(mongo, OrganisationUnit.COLLECTION, "path", r.from(), r.to(), true);
        int members = MaterialisedPaths.rewritePrefix(mongo, Member.COLLECTION, "organisationPath", r.from(), r.to(), true);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(unitId).and("pendingRepair").is(r)),
                new Update().unset("pendingRepair"), OrganisationUnit.class);
        log.info("move of {} applied below it: {} unit path(s) and {} member path(s) rewritten", unitId, units, members);
    }
}
