package org.chibo.inspection.statistics;

import java.time.LocalDate;
import java.util.List;

import org.chibo.chassis.paths.MaterialisedPaths;
import org.chibo.inspection.finding.Finding;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the findings of a subtree that occurred in a span of days, only the fields a tally needs. */
@Component
public class FindingFacts {

    private final MongoTemplate mongo;

    FindingFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Findings at or below {@code pathPrefix} whose {@code occurredOn} lies in {@code [from, to]}. */
    public List<FindingFact> of(String pathPrefix, LocalDate from, LocalDate to) {
        Query query = Query.query(Criteria.where("organisationPath").regex(MaterialisedPaths.below(pathPrefix))
                .and("occurredOn").gte(from).lte(to));
        query.fields().include("ruleId", "severity", "branchId", "organisationPath", "occurredOn", "status");
        return mongo.find(query, FindingFact.class, Finding.COLLECTION);
    }
}
