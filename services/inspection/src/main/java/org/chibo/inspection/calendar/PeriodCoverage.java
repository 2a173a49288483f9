package org.chibo.inspection.calendar;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.chibo.chassis.store.InBatches;
import org.chibo.inspection.rules.Period;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which periods each branch has fulfilled, from the meetings it recorded: one document per branch and year,
 * {@code _id = <branchId>|<year>}, with the set of periods ({@code 2025-03}, {@code 2025-Q1}) covered. Closing a period
 * reads these by {@code _id}, in slices, for every branch of the city.
 */
@Component
class PeriodCoverage {

    static final String COLLECTION = "branch_periods";

    private final MongoTemplate mongo;

    PeriodCoverage(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A branch held the meeting a period asks for. */
    record Fulfilment(String branchId, Period period) {
    }

    /** In one unordered bulk write; idempotent: a set, so the same meeting seen twice covers its period once. */
    void coverAll(Collection<Fulfilment> fulfilments) {
        if (fulfilments.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Fulfilment f : fulfilments) {
            bulk.upsert(Query.query(Criteria.where("_id").is(key(f.branchId(), f.period()))), new Update()
                    .addToSet("covered", f.period().toString()).set("branchId", f.branchId()).set("year", f.period().year()));
        }
        bulk.execute();
    }

    /** Those of {@code branchIds} that recorded a meeting for {@code period}. */
    Set<String> covered(Period period, Collection<String> branchIds) {
        List<String> keys = branchIds.stream().map(b -> key(b, period)).toList();
        Set<String> covered = new HashSet<>();
        for (Document d : InBatches.find(mongo, "_id", keys, Document.class, COLLECTION)) {
            if (d.getList("covered", String.class, List.of()).contains(period.toString())) {
                covered.add(d.getString("branchId"));
            }
        }
        return covered;
    }

    private static String key(String branchId, Period period) {
        return branchId + "|" + period.year();
    }
}
