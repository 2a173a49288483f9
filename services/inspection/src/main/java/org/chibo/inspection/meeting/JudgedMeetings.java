package org.chibo.inspection.meeting;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.chibo.chassis.store.InBatches;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What was judged of each meeting ({@code _id} = meeting id): the revision of the record (0 recorded, N the N-th
 * amendment), the rules it broke and who missed it without reason. The next revision is judged against this, and an
 * older or repeated one is skipped. Written after everything else a judgement writes, so a crash judges again.
 */
@Component
class JudgedMeetings {

    static final String COLLECTION = "judged_meetings";

    private final MongoTemplate mongo;

    JudgedMeetings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param year the year the meeting was held, whose absence ledgers hold its absentees */
    record Judged(String branchId, int revision, List<String> brokenRules, List<String> absentees, int year) {
    }

    /** What was judged of those of {@code meetingIds} judged before, in one read. */
    Map<String, Judged> findAll(Collection<String> meetingIds) {
        Map<String, Judged> found = new HashMap<>();
        for (Document d : InBatches.find(mongo, "_id", meetingIds, Document.class, COLLECTION)) {
            found.put(d.getString("_id"), new Judged(d.getString("branchId"), d.getInteger("revision"),
                    d.getList("brokenRules", String.class, List.of()), d.getList("absentees", String.class, List.of()),
                    d.getInteger("year")));
        }
        return found;
    }

    /** Remembers the judgements (by meeting id) in one unordered bulk write. */
    void rememberAll(Map<String, Judged> judgements, Instant at) {
        if (judgements.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        judgements.forEach((meetingId, judged) -> bulk.upsert(Query.query(Criteria.where("_id").is(meetingId)),
                new Update().set("branchId", judged.branchId()).set("revision", judged.revision())
                        .set("brokenRules", judged.brokenRules()).set("absentees", judged.absentees())
                        .set("year", judged.year()).set("judgedAt", at.toString())));
        bulk.execute();
    }
}
