package org.chibo.inspection.meeting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
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

    /** @param year the year it was held, whose absence ledgers hold its absentees */
    record Judged(int revision, List<String> brokenRules, List<String> absentees, int year) {
    }

    Optional<Judged> find(String meetingId) {
        Document d = mongo.findById(meetingId, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(doc -> new Judged(doc.getInteger("revision"),
                doc.getList("brokenRules", String.class, List.of()), doc.getList("absentees", String.class, List.of()),
                doc.getInteger("year")));
    }

    void remember(String meetingId, String branchId, Judged judged, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(meetingId)), new Update().set("branchId", branchId)
                .set("revision", judged.revision()).set("brokenRules", judged.brokenRules())
                .set("absentees", judged.absentees()).set("year", judged.year()).set("judgedAt", at.toString()), COLLECTION);
    }

    static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }
}
