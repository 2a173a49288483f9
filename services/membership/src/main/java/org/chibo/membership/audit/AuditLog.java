package org.chibo.membership.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chibo.chassis.security.AccessLog;
import org.chibo.chassis.security.Caller;
import org.chibo.membership.access.Access;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. Controllers write an entry once a read or change has succeeded (a refusal is the
 * chassis' {@code chibo.security.access} log instead); the client address is taken from the current request.
 */
@Component
public class AuditLog {

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(AuditEntry.COLLECTION).createIndex(new Index().on("memberId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        mongo.indexOps(AuditEntry.COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
    }

    /** What one entry is about: the action, the object, the member concerned (or null) and the object's path. */
    public record Subject(String action, String objectId, String memberId, String path) {

        public static Subject member(String action, String memberId, String path) {
            return new Subject(action, memberId, memberId, path);
        }

        public static Subject unit(String action, String unitId, String path) {
            return new Subject(action, unitId, null, path);
        }
    }

    /** A read of a member's personal record ({@code what}: record, history, profile, dues). */
    public void read(Caller caller, String memberId, String path, String what) {
        record(caller, Subject.member("read-" + what, memberId, path));
    }

    public void record(Caller caller, Subject subject) {
        recordAll(caller, List.of(subject));
    }

    /** Many entries in one bulk insert, e.g. every unit and member an import created. */
    public void recordAll(Caller caller, List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        String from = clientAddress();
        List<AuditEntry> entries = new ArrayList<>(subjects.size());
        for (Subject s : subjects) {
            entries.add(new AuditEntry(UUID.randomUUID().toString(), at, caller.subject(), s.action(), s.objectId(),
                    s.memberId(), s.path(), from));
        }
        mongo.insert(entries, AuditEntry.class);
    }

    public record Filter(String memberId, String actor, Instant from, Instant to) {
    }

    public record Found(List<AuditEntry> items, boolean hasMore) {
    }

    /** Newest first, inside the caller's subtree only, one page (one extra row tells whether more follow). */
    public Found find(Caller caller, Filter filter, int page, int size) {
        Query q = Query.query(Access.within(caller, "path"));
        if (filter.memberId() != null) {
            q.addCriteria(Criteria.where("memberId").is(filter.memberId()));
        }
        if (filter.actor() != null) {
            q.addCriteria(Criteria.where("who").is(filter.actor()));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = Criteria.where("at");
            if (filter.from() != null) {
                at = at.gte(filter.from());
            }
            if (filter.to() != null) {
                at = at.lt(filter.to());
            }
            q.addCriteria(at);
        }
        q.with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by("_id"))).skip((long) page * size).limit(size + 1);
        List<AuditEntry> rows = mongo.find(q, AuditEntry.class);
        return new Found(rows.stream().limit(size).toList(), rows.size() > size);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return AccessLog.from(attributes.getRequest());
        }
        return null;
    }
}
