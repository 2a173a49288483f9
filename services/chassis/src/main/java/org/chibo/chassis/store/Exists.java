package org.chibo.chassis.store;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Whether any document matches, asked as a find of one id rather than {@code MongoTemplate.exists}. The driver counts
 * with an aggregation ({@code $match}, {@code $group}), which the embedded store runs over every document of the
 * collection, index or not — a meeting service checking a unique reference before each insert slowed to a crawl as its
 * collection grew. A find uses the store's unique indexes for an equality, and stops at the first match otherwise;
 * MongoDB serves both forms from an index.
 */
public final class Exists {

    private Exists() {
    }

    public static boolean any(MongoTemplate mongo, Query query, Class<?> entity) {
        return any(mongo, query, mongo.getCollectionName(entity));
    }

    public static boolean any(MongoTemplate mongo, Query query, String collection) {
        Query one = Query.of(query).limit(1);
        one.fields().include("_id");
        return mongo.findOne(one, Document.class, collection) != null;
    }
}
