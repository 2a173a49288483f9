package org.chibo.inspection.organisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.chibo.chassis.paths.MaterialisedPaths;
import org.chibo.chassis.store.InBatches;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The organisation tree as inspection needs it, from {@code membership.events}: every unit's current path (to list a
 * subtree's findings, and to file a finding where its branch stands now) and which units are branches that must meet
 * (BRANCH, GRASSROOTS_BRANCH), with the day they were dissolved. One document per unit, {@code _id} = its id; dates are
 * ISO strings, which sort as dates.
 */
@Component
public class Organisations {

    static final String COLLECTION = "organisations";
    /** The kinds of unit that hold meetings (chi bộ): the calendar rules judge these. */
    private static final Set<String> MEETING_KINDS = Set.of("BRANCH", "GRASSROOTS_BRANCH");

    private final MongoTemplate mongo;

    Organisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A branch as the calendar rules see it. */
    public record Branch(String id, String path, LocalDate dissolvedOn) {
    }

    /** A unit as registered: its kind decides whether it must meet; its name is what statistics show. */
    public record Registration(String id, String kind, String path, String name) {
    }

    /** Upserts the units in their order, in one round trip. */
    public void registerAll(List<Registration> registrations) {
        if (registrations.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        for (Registration r : registrations) {
            bulk.upsert(byId(r.id()), new Update().set("kind", r.kind()).set("path", r.path()).set("name", r.name())
                    .set("meets", MEETING_KINDS.contains(r.kind())));
        }
        bulk.execute();
    }

    public void dissolve(String id, LocalDate on) {
        mongo.upsert(byId(id), new Update().set("dissolvedOn", on.toString()), COLLECTION);
    }

    /** A unit moved with its subtree: every path below {@code from} now starts with {@code to}. */
    public void move(String from, String to) {
        MaterialisedPaths.rewritePrefix(mongo, COLLECTION, "path", from, to, false);
    }

    public Optional<String> pathOf(String id) {
        Document d = mongo.findById(id, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(doc -> doc.getString("path"));
    }

    /** The current paths of the units named, for those known. */
    public Map<String, String> pathsOf(Collection<String> ids) {
        Map<String, String> paths = new HashMap<>();
        for (Document d : InBatches.find(mongo, "_id", ids, Document.class, COLLECTION)) {
            if (d.getString("path") != null) {
                paths.put(d.getString("_id"), d.getString("path"));
            }
        }
        return paths;
    }

    /** The names of the units named, for those known (a unit registered before names were kept has none until a replay). */
    public Map<String, String> namesOf(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        for (Document d : InBatches.find(mongo, "_id", ids, Document.class, COLLECTION)) {
            if (d.getString("name") != null) {
                names.put(d.getString("_id"), d.getString("name"));
            }
        }
        return names;
    }

    /** The branches at or below {@code pathPrefix} that had to meet at some time in {@code year}: not dissolved before it. */
    public List<Branch> branchesIn(String pathPrefix, int year) {
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        Query branches = Query.query(Criteria.where("meets").is(true).and("path").regex(MaterialisedPaths.below(pathPrefix)));
        branches.fields().include("path").include("dissolvedOn");
        return mongo.find(branches, Document.class, COLLECTION).stream()
                .map(d -> new Branch(d.getString("_id"), d.getString("path"),
                        d.getString("dissolvedOn") == null ? null : LocalDate.parse(d.getString("dissolvedOn"))))
                .filter(b -> b.dissolvedOn() == null || !b.dissolvedOn().isBefore(firstDay))
                .toList();
    }

    /** Every branch ever registered, dissolved ones included: the caller decides which count for a period. */
    public List<Branch> branches() {
        Query branches = Query.query(Criteria.where("meets").is(true));
        branches.fields().include("path").include("dissolvedOn");
        return mongo.find(branches, Document.class, COLLECTION).stream()
                .map(d -> new Branch(d.getString("_id"), d.getString("path"),
                        d.getString("dissolvedOn") == null ? null : LocalDate.parse(d.getString("dissolvedOn"))))
                .toList();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
