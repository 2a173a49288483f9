package org.chibo.membership.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/** Writes and reads the access log of members' personal records. */
@Component
public class RecordAccessLog {

    static final String USER_HEADER = org.chibo.chassis.web.ActingUser.HEADER;

    private final MongoTemplate mongo;
    private final Clock clock;

    RecordAccessLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(RecordAccess.COLLECTION).createIndex(new Index().on("memberId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
    }

    public void read(HttpServletRequest request, String memberId, String what) {
        String who = request.getHeader(USER_HEADER);
        String from = request.getHeader("X-Forwarded-For");
        mongo.insert(new RecordAccess(UUID.randomUUID().toString(), clock.instant(), who == null || who.isBlank() ? "anonymous" : who,
                memberId, what, from == null ? request.getRemoteAddr() : from));
    }

    public List<RecordAccess> of(String memberId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId))
                .with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "at"))), RecordAccess.class);
    }
}
