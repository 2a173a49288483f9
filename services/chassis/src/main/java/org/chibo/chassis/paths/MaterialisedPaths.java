package org.chibo.chassis.paths;

import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Storage mechanics of materialised paths ({@code /root/child/…/}), shared by every service that keeps organisation
 * paths: the anchored prefix that selects a subtree, and rewriting that prefix after a move.
 */
public final class MaterialisedPaths {

    private MaterialisedPaths() {
    }

    /** Matches every path at or below {@code prefix}: an anchored prefix, which an index on the field can serve. */
    public static Pattern below(String prefix) {
        return Pattern.compile("^" + Pattern.quote(prefix));
    }

    /**
     * Gives every document whose {@code field} starts with {@code from} the prefix {@code to} instead. Idempotent: a
     * rewritten document no longer matches, and each write is conditional on the path it read.
     *
     * @param versioned whether the documents carry a {@code @Version} field, moved on so a command holding an older
     *                  copy retries instead of writing the old path back
     * @return how many documents were rewritten
     */
    public static int rewritePrefix(MongoTemplate mongo, String collection, String field, String from, String to,
                                    boolean versioned) {
        Query matching = Query.query(Criteria.where(field).regex(below(from)));
        matching.fields().include(field);
        int n = 0;
        for (Document d : mongo.find(matching, Document.class, collection)) {
            String path = d.getString(field);
            Update rewrite = new Update().set(field, to + path.substring(from.length()));
            if (versioned) {
                rewrite.inc("version", 1);
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(d.get("_id")).and(field).is(path)), rewrite, collection);
            n++;
        }
        return n;
    }
}
