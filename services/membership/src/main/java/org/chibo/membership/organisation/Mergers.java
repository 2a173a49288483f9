package org.chibo.membership.organisation;

import java.time.LocalDate;

import org.chibo.membership.member.MemberService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Carries out mergers (sáp nhập), e.g. a ward's residential-group branches merged into fewer, larger ones. The
 * command records the merger on the unit with its event ({@link OrganisationService#startMerger}); then the members on
 * its rolls move onto the rolls of the unit it merges into (member-reassigned, status, exemption and party cell kept),
 * the units directly below it move under that unit (each an ordinary move, paths repaired below), and the unit, now empty, is
 * dissolved on the merger's date. Every step is idempotent, so a merger cut short by a crash is finished at start-up
 * and then every minute, until nothing is owed.
 */
@Component
public class Mergers {

    private static final Logger log = LoggerFactory.getLogger(Mergers.class);

    private final MongoTemplate mongo;
    private final OrganisationService organisations;
    private final MemberService members;

    Mergers(MongoTemplate mongo, OrganisationService organisations, MemberService members) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.members = members;
    }

    /** Merges {@code id} into {@code intoId} as of {@code on}; returns the merged unit as it ends (dissolved). */
    public OrganisationUnit merge(String id, String intoId, LocalDate on, String decisionRef) {
        organisations.startMerger(id, intoId, on, decisionRef);
        complete(id);
        return organisations.get(id);
    }

    @Scheduled(fixedDelayString = "${chibo.membership.merger-interval:PT1M}")
    public void finishLeftovers() {
        for (OrganisationUnit unit : mongo.find(Query.query(Criteria.where("merging").ne(null)), OrganisationUnit.class)) {
            try {
                complete(unit.getId());
            } catch (RuntimeException e) {
                log.warn("merger of {} not finished yet, will try again: {}", unit.getId(), e.toString());
            }
        }
    }

    void complete(String id) {
        OrganisationUnit unit = organisations.get(id);
        OrganisationUnit.Merger merger = unit.getMerging();
        if (merger == null) {
            return;
        }
        OrganisationUnit into = organisations.get(merger.intoId());
        // members first: a party cell moves only to the branch whose rolls its members are on
        int moved = members.reassignAll(id, into, merger.mergedOn());
        int units = 0;
        for (OrganisationUnit child : organisations.activeChildren(id)) {
            organisations.move(child.getId(), into.getId());
            units++;
        }
        boolean done = organisations.finishMerger(id);
        log.info("merger of {} into {}: {} unit(s) and {} member(s) moved{}", id, into.getId(), units, moved,
                done ? ", unit dissolved" : ", dissolution still owed");
    }
}
