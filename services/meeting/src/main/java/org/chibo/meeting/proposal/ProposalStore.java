package org.chibo.meeting.proposal;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.meeting.record.Meeting;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps proposals in {@code proposals}: one document each, holding the proposal's state, its {@code pendingEvents}
 * (the outbox) and a {@code version}. Every command is one single-document write of state and event together, so
 * neither is ever saved without the other. The {@link Proposal} itself knows nothing of this.
 */
@Component
class ProposalStore {

    static final String COLLECTION = "proposals";
    /** The outbox relay moves this field on when it removes published events (chassis {@code OutboxRelay}). */
    private static final String VERSION = "version";
    private static final String PENDING_EVENTS = "pendingEvents";

    private final MongoTemplate mongo;
    private final MongoConverter converter;

    ProposalStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.converter = mongo.getConverter();
    }

    /** A proposal as read, with the version a save of it must still find. */
    record Loaded(Proposal proposal, long version) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("branchId", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("addressedTo", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC));
    }

    void insert(Proposal proposal, PendingEvent event) {
        Document doc = stateOf(proposal);
        doc.put(VERSION, 0L);
        doc.put(PENDING_EVENTS, List.of(converter.convertToMongoType(event)));
        mongo.insert(doc, COLLECTION);
    }

    Loaded load(String id) {
        Document doc = mongo.findById(id, Document.class, COLLECTION);
        if (doc == null) {
            throw new NotFoundException("proposal", id);
        }
        return new Loaded(converter.read(Proposal.class, doc), doc.get(VERSION, Number.class).longValue());
    }

    /**
     * Writes the changed state and appends its event, only if nobody wrote the document since it was loaded (another
     * command, or the relay removing published events); otherwise {@code Conflicts.retry} runs the command again.
     * A step never clears a field, so setting those the proposal has is the whole change.
     */
    void save(Loaded loaded, PendingEvent event) {
        Update update = new Update();
        stateOf(loaded.proposal()).forEach((field, value) -> {
            if (!"_id".equals(field)) {
                update.set(field, value);
            }
        });
        update.push(PENDING_EVENTS, converter.convertToMongoType(event)).inc(VERSION, 1);
        String id = loaded.proposal().getId();
        Query unchanged = Query.query(Criteria.where("_id").is(id).and(VERSION).is(loaded.version()));
        if (mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("proposal " + id + " was changed meanwhile");
        }
    }

    /** Newest first; {@code branchId}, {@code addressedTo}, {@code memberId} and {@code status} narrow it when given. */
    List<Proposal> list(String branchId, String addressedTo, String memberId, ProposalStatus status, int page, int size) {
        Criteria where = new Criteria();
        if (branchId != null) {
            where.and("branchId").is(branchId);
        }
        if (addressedTo != null) {
            where.and("addressedTo").is(addressedTo);
        }
        if (memberId != null) {
            where.and("memberId").is(memberId);
        }
        if (status != null) {
            where.and("status").is(status);
        }
        Query query = Query.query(where).with(PageRequest.of(page, size,
                Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id"))));
        return mongo.find(query, Proposal.class, COLLECTION);
    }

    /** The branch a meeting belongs to, if there is such a meeting; read by id, whatever else a meeting holds. */
    Optional<String> branchOfMeeting(String meetingId) {
        Query byId = Query.query(Criteria.where("_id").is(meetingId));
        byId.fields().include("branchId");
        return Optional.ofNullable(mongo.findOne(byId, Document.class, Meeting.COLLECTION)).map(m -> m.getString("branchId"));
    }

    private Document stateOf(Proposal proposal) {
        Document doc = new Document();
        converter.write(proposal, doc);
        return doc;
    }
}
