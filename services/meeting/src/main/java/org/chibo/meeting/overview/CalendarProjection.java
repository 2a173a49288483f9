package org.chibo.meeting.overview;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.meeting.MeetingAmended;
import org.chibo.contracts.meeting.MeetingCancelled;
import org.chibo.contracts.meeting.MeetingOpened;
import org.chibo.contracts.meeting.MeetingPostponed;
import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingScheduled;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the branches' calendars from {@code meeting.events}, a poll at a time in one bulk write. Every write sets a
 * meeting's entry to what the event says (an upsert by the calendar's key), so a re-delivery changes nothing; events
 * of one branch arrive in order (they are keyed by the branch), so the last one of a meeting is what it shows.
 */
@Component
class CalendarProjection {

    private static final Set<org.chibo.contracts.EventType<?>> TYPES = Set.of(EventCatalogue.MEETING_SCHEDULED,
            EventCatalogue.MEETING_POSTPONED, EventCatalogue.MEETING_CANCELLED, EventCatalogue.MEETING_OPENED,
            EventCatalogue.MEETING_RECORDED, EventCatalogue.MEETING_AMENDED);

    private final IdempotentConsumer consumer;
    private final MongoTemplate mongo;

    CalendarProjection(IdempotentConsumer consumer, MongoTemplate mongo) {
        this.consumer = consumer;
        this.mongo = mongo;
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEETING_EVENTS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, TYPES, this::applyAll, event -> applyAll(List.of(event)));
    }

    void applyAll(List<IncomingEvent> events) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, MeetingCalendar.COLLECTION);
        int writes = 0;
        for (IncomingEvent event : events) {
            Write w = writeFor(event);
            if (w != null) {
                bulk.upsert(w.query(), w.update());
                writes++;
            }
        }
        if (writes > 0) {
            bulk.execute();
        }
    }

    record Write(Query query, Update update) {
    }

    private static Write writeFor(IncomingEvent event) {
        if (event.is(EventCatalogue.MEETING_SCHEDULED)) {
            MeetingScheduled s = event.dataAs(EventCatalogue.MEETING_SCHEDULED);
            return entry(s.branchId(), s.organisationPath(), s.meetingId(), s.scheduledFor(),
                    new MeetingCalendar.Entry(s.type(), s.scope(), s.period(), s.scheduledFor(), "SCHEDULED", null, null, null, null));
        } else if (event.is(EventCatalogue.MEETING_POSTPONED)) {
            MeetingPostponed p = event.dataAs(EventCatalogue.MEETING_POSTPONED);
            return field(p.branchId(), p.to(), p.meetingId(), "day", p.to());
        } else if (event.is(EventCatalogue.MEETING_CANCELLED)) {
            MeetingCancelled c = event.dataAs(EventCatalogue.MEETING_CANCELLED);
            return field(c.branchId(), c.scheduledFor(), c.meetingId(), "status", "CANCELLED");
        } else if (event.is(EventCatalogue.MEETING_OPENED)) {
            MeetingOpened o = event.dataAs(EventCatalogue.MEETING_OPENED);
            Write w = field(o.branchId(), o.heldOn(), o.meetingId(), "status", "OPEN");
            w.update().set("meetings." + o.meetingId() + ".expected", o.expected());
            return w;
        } else if (event.is(EventCatalogue.MEETING_RECORDED)) {
            return recorded(event.dataAs(EventCatalogue.MEETING_RECORDED), 0);
        } else if (event.is(EventCatalogue.MEETING_AMENDED)) {
            MeetingAmended a = event.dataAs(EventCatalogue.MEETING_AMENDED);
            return recorded(a.record(), a.revision());
        }
        return null;
    }

    private static Write recorded(MeetingRecorded m, int revision) {
        int expected = (int) m.roster().stream().filter(a -> !a.exempt()).count();
        int present = (int) m.roster().stream().filter(a -> !a.exempt() && "PRESENT".equals(a.attendance())).count();
        return entry(m.branchId(), m.organisationPath(), m.meetingId(), m.heldOn(), new MeetingCalendar.Entry(m.type(),
                m.scope() == null ? "BRANCH" : m.scope(), m.period(), m.heldOn(), "RECORDED", m.closedOn(), present, expected, revision));
    }

    private static Write entry(String branchId, String path, String meetingId, LocalDate day, MeetingCalendar.Entry entry) {
        return new Write(byKey(branchId, day), new Update().set("branchId", branchId).set("organisationPath", path)
                .set("year", day.getYear()).set("meetings." + meetingId, entry));
    }

    private static Write field(String branchId, LocalDate day, String meetingId, String name, Object value) {
        return new Write(byKey(branchId, day), new Update().set("branchId", branchId).set("year", day.getYear())
                .set("meetings." + meetingId + "." + name, value));
    }

    private static Query byKey(String branchId, LocalDate day) {
        return Query.query(Criteria.where("_id").is(MeetingCalendar.key(branchId, day.getYear())));
    }
}
