package org.chibo.inspection.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MembersOnboarded;
import org.chibo.contracts.membership.MemberReceived;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.chibo.contracts.membership.OrganisationMoved;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.chibo.inspection.finding.Findings;
import org.chibo.inspection.member.MemberDeadlines;
import org.chibo.inspection.organisation.Organisations;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what inspection needs of {@code membership.events}: the organisation tree (which branches must meet, every
 * unit's path) and the members' deadlines (a probation's recognition, a transfer's reception). Other types are skipped
 * unread. Every write is keyed by {@code _id} and idempotent.
 */
@Component
class MembershipEventsListener {

    private static final Set<EventType<?>> KEPT = Set.of(EventCatalogue.ORGANISATION_REGISTERED,
            EventCatalogue.ORGANISATION_MOVED, EventCatalogue.ORGANISATION_DISSOLVED, EventCatalogue.MEMBER_ADMITTED, EventCatalogue.MEMBERS_ONBOARDED,
            EventCatalogue.MEMBER_RECOGNISED, EventCatalogue.MEMBER_TRANSFERRED_OUT, EventCatalogue.MEMBER_RECEIVED,
            EventCatalogue.MEMBER_REASSIGNED, EventCatalogue.MEMBER_LEFT);

    private final IdempotentConsumer consumer;
    private final Organisations organisations;
    private final Findings findings;
    private final MemberDeadlines deadlines;

    MembershipEventsListener(IdempotentConsumer consumer, Organisations organisations, Findings findings,
                             MemberDeadlines deadlines) {
        this.consumer = consumer;
        this.organisations = organisations;
        this.findings = findings;
        this.deadlines = deadlines;
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEMBERSHIP_EVENTS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, KEPT, this::applyAll, this::apply);
    }

    /**
     * A poll in order. Registrations of units and probations started (a city onboarded at once is thousands of both)
     * are gathered into one bulk write each; they touch different collections, and anything else flushes them first.
     */
    void applyAll(List<IncomingEvent> events) {
        List<Organisations.Registration> registrations = new ArrayList<>();
        List<MemberDeadlines.ProbationStart> probations = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (event.is(EventCatalogue.ORGANISATION_REGISTERED)) {
                registrations.add(registration(event));
            } else if (event.is(EventCatalogue.MEMBER_ADMITTED) || event.is(EventCatalogue.MEMBERS_ONBOARDED)) {
                probations.addAll(probationStarts(event));
            } else {
                flush(registrations, probations);
                apply(event);
            }
        }
        flush(registrations, probations);
    }

    private void flush(List<Organisations.Registration> registrations, List<MemberDeadlines.ProbationStart> probations) {
        organisations.registerAll(registrations);
        deadlines.probationsStarted(probations);
        registrations.clear();
        probations.clear();
    }

    private static Organisations.Registration registration(IncomingEvent event) {
        OrganisationRegistered o = event.dataAs(EventCatalogue.ORGANISATION_REGISTERED);
        return new Organisations.Registration(o.organisationId(), o.kind(), o.path(), o.name());
    }

    /** Only a member admitted on probation (dự bị) has a recognition to wait for; a bulk onboarding names many. */
    private static List<MemberDeadlines.ProbationStart> probationStarts(IncomingEvent event) {
        List<MemberAdmitted> admitted = event.is(EventCatalogue.MEMBERS_ONBOARDED)
                ? event.dataAs(EventCatalogue.MEMBERS_ONBOARDED).members().stream().map(MembersOnboarded.Entry::admission).toList()
                : List.of(event.dataAs(EventCatalogue.MEMBER_ADMITTED));
        return admitted.stream().filter(m -> "PROBATIONARY".equals(m.status()))
                .map(m -> new MemberDeadlines.ProbationStart(m.memberId(), m.branchId(), m.organisationPath(), m.admittedOn()))
                .toList();
    }

    void apply(IncomingEvent event) {
        if (event.is(EventCatalogue.ORGANISATION_REGISTERED)) {
            organisations.registerAll(List.of(registration(event)));
        } else if (event.is(EventCatalogue.ORGANISATION_MOVED)) {
            OrganisationMoved m = event.dataAs(EventCatalogue.ORGANISATION_MOVED);
            organisations.move(m.previousPath(), m.path());
            findings.movePaths(m.previousPath(), m.path());
        } else if (event.is(EventCatalogue.ORGANISATION_DISSOLVED)) {
            var d = event.dataAs(EventCatalogue.ORGANISATION_DISSOLVED);
            organisations.dissolve(d.organisationId(), d.dissolvedOn());
        } else if (event.is(EventCatalogue.MEMBER_ADMITTED) || event.is(EventCatalogue.MEMBERS_ONBOARDED)) {
            deadlines.probationsStarted(probationStarts(event));
        } else if (event.is(EventCatalogue.MEMBER_RECOGNISED)) {
            var r = event.dataAs(EventCatalogue.MEMBER_RECOGNISED);
            deadlines.recognised(r.memberId(), r.recognisedOn());
        } else if (event.is(EventCatalogue.MEMBER_TRANSFERRED_OUT)) {
            MemberTransferredOut t = event.dataAs(EventCatalogue.MEMBER_TRANSFERRED_OUT);
            deadlines.transferIssued(t.memberId(), t.fromBranchId(), t.issuedOn(), t.deadline());
        } else if (event.is(EventCatalogue.MEMBER_RECEIVED)) {
            MemberReceived r = event.dataAs(EventCatalogue.MEMBER_RECEIVED);
            deadlines.received(r.memberId(), r.branchId(), r.receivedOn());
        } else if (event.is(EventCatalogue.MEMBER_REASSIGNED)) {
            var r = event.dataAs(EventCatalogue.MEMBER_REASSIGNED);
            deadlines.moveBranch(r.memberId(), r.branchId());
        } else if (event.is(EventCatalogue.MEMBER_LEFT)) {
            var l = event.dataAs(EventCatalogue.MEMBER_LEFT);
            deadlines.left(l.memberId(), l.on());
        }
    }
}
