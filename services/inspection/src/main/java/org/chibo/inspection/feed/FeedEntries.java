package org.chibo.inspection.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.bson.Document;
import org.chibo.chassis.store.InBatches;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.bulk.BulkWriteError;

import jakarta.annotation.PostConstruct;

/**
 * The feed's store: {@code feed_entries}, one document per event, {@code _id} = its place in the feed, and one counter
 * document in {@code feed_counter} that hands out the places ({@code $inc}) and remembers up to which place entries
 * were dropped for age.
 * <p>
 * Readers fetch places by {@code _id $in [a..b]}: the embedded store answers that from its {@code _id} index, where a
 * range query ({@code $gt}) would read the whole collection. An event is appended once: its CloudEvent id has a unique
 * index, looked up before places are handed out, so a redelivery costs no place.
 */
@Component
class FeedEntries {

    static final String COLLECTION = "feed_entries";
    static final String COUNTER_COLLECTION = "feed_counter";
    private static final String COUNTER = "feed";
    private static final String ALLOCATED = "allocated";
    private static final String EXPIRED_UP_TO = "expiredUpTo";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    FeedEntries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An event to append, before it has its place. */
    record NewEntry(String eventId, String type, String organisationPath, String data, Instant at) {
    }

    @PostConstruct
    void ensureIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("eventId", Sort.Direction.ASC).unique());
        // for a real MongoDB's retention query; the embedded store ignores it
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC));
    }

    /**
     * Appends the events not in the feed yet, in their order, at consecutive new places. Returns how many were new.
     * An event a concurrent writer appended meanwhile (a rebalance) leaves a placeholder at the place it was given, so
     * readers need not wait for that place.
     */
    int append(List<NewEntry> entries) {
        Map<String, NewEntry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.putIfAbsent(e.eventId(), e));
        Set<String> known = InBatches.find(mongo, "eventId", byId.keySet(), Document.class, COLLECTION).stream()
                .map(d -> d.getString("eventId")).collect(Collectors.toSet());
        List<NewEntry> fresh = byId.values().stream().filter(e -> !known.contains(e.eventId())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        long first = allocate(fresh.size());
        List<Document> documents = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            NewEntry e = fresh.get(i);
            documents.add(new Document("_id", first + i).append("eventId", e.eventId()).append("type", e.type())
                    .append("organisationPath", e.organisationPath()).append("data", e.data()).append("at", e.at()));
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(documents).execute();
        } catch (BulkOperationException e) {
            List<Integer> duplicates = e.getErrors().stream().filter(err -> err.getCode() == DUPLICATE_KEY)
                    .map(BulkWriteError::getIndex).toList();
            if (duplicates.size() < e.getErrors().size()) {
                throw e;
            }
            duplicates.forEach(index -> placeholder(first + index, fresh.get(index).at()));
        }
        return fresh.size();
    }

    private void placeholder(long seq, Instant at) {
        mongo.insert(new Document("_id", seq).append("eventId", "placeholder:" + seq).append("at", at), COLLECTION);
    }

    /** Hands out {@code count} consecutive places; returns the first. */
    private long allocate(int count) {
        Document counter = mongo.findAndModify(byId(COUNTER), new Update().inc(ALLOCATED, (long) count),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTER_COLLECTION);
        return number(counter, ALLOCATED) - count + 1;
    }

    /** The highest place handed out (its entry may still be on its way), and the highest dropped for age. */
    record Marks(long allocated, long expiredUpTo) {
    }

    Marks marks() {
        Document counter = mongo.findById(COUNTER, Document.class, COUNTER_COLLECTION);
        return counter == null ? new Marks(0, 0) : new Marks(number(counter, ALLOCATED), number(counter, EXPIRED_UP_TO));
    }

    /** The entries at places {@code from..to} that exist, in order. */
    List<FeedEntry> between(long from, long to) {
        List<Long> places = LongStream.rangeClosed(from, to).boxed().toList();
        return InBatches.find(mongo, "_id", places, Document.class, COLLECTION).stream()
                .map(FeedEntries::entry)
                .sorted(Comparator.comparingLong(FeedEntry::seq))
                .toList();
    }

    /**
     * Drops the entries older than {@code before}: first remembers up to which place (so a reader resuming from before
     * it is told), then deletes. Returns that place, or the previous one when nothing was old enough.
     */
    long expireBefore(Instant before) {
        Query newestExpired = Query.query(Criteria.where("at").lt(before)).with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        newestExpired.fields().include("_id");
        Document newest = mongo.findOne(newestExpired, Document.class, COLLECTION);
        if (newest == null) {
            return marks().expiredUpTo();
        }
        long upTo = number(newest, "_id");
        mongo.upsert(byId(COUNTER), new Update().max(EXPIRED_UP_TO, upTo), COUNTER_COLLECTION);
        mongo.remove(Query.query(Criteria.where("_id").lte(upTo)), COLLECTION);
        return upTo;
    }

    private static FeedEntry entry(Document d) {
        return new FeedEntry(number(d, "_id"), d.getString("eventId"), d.getString("type"), d.getString("organisationPath"),
                d.getString("data"), d.getDate("at") == null ? null : d.getDate("at").toInstant());
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Query byId(Object id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
