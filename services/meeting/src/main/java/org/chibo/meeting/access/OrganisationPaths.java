package org.chibo.meeting.access;

import java.util.Optional;

import org.bson.Document;
import org.chibo.meeting.roster.BranchRoster;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Where a unit sits in the tree now, as the roster projection of {@code membership.events} knows it: the path every
 * access check is made against. Meetings and proposals keep the path they were created under, which a later move
 * leaves behind; the projection's is current (moves rewrite it), so it wins whenever the unit is known.
 */
@Component
public class OrganisationPaths {

    private final MongoTemplate mongo;

    OrganisationPaths(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The unit's materialised path ({@code /city/…/unit/}); empty when this service does not know the unit (yet). */
    public Optional<String> of(String organisationId) {
        if (organisationId == null) {
            return Optional.empty();
        }
        Query byId = Query.query(Criteria.where("_id").is(organisationId));
        byId.fields().include("path");
        Document unit = mongo.findOne(byId, Document.class, BranchRoster.COLLECTION);
        return Optional.ofNullable(unit).map(u -> u.getString("path"));
    }

    /** The unit's current path, or {@code stored} (the object's own) when the projection does not hold the unit. */
    public String of(String organisationId, String stored) {
        return of(organisationId).orElse(stored);
    }
}
