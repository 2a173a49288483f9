package org.chibo.inspection.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.inbox.IdempotentConsumer;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.EventType;
import org.chibo.contracts.membership.DuesPaid;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MembersOnboarded;
import org.chibo.contracts.membership.MemberReceived;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.chibo.contracts.membership.OrganisationMoved;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.chibo.inspection.finding.Findings;
import org.chibo.inspection.member.DuesLedger;
import org.chibo.inspection.member.MemberDeadlines;
import org.chibo.inspection.organisation.Organisations;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what inspection needs of {@code membership.events}: the organisation tree (which branches must meet, every
 * unit's path), the members' deadlines (a probation's recognition, a transfer's reception) and their dues (who is on
 * which rolls when, exempt when, paid what: R-M2). Other types are skipped
 * unread. Every write is keyed by {@code _id} and idempotent.
 */
@Component
class MembershipEventsListener {

    private static final Set<EventType<?>> KEPT = Set.of(EventCatalogue.ORGANISATION_REGISTERED,
            EventCatalogue.ORGANISATION_MOVED, EventCatalogue.ORGANISATION_DISSOLVED, EventCatalogue.MEMBER_ADMITTED, EventCatalogue.MEMBERS_ONBOARDED,
            EventCatalogue.MEMBER_RECOGNISED, EventCatalogue.MEMBER_TRANSFERRED_OUT, EventCatalogue.MEMBER_RECEIVED,
            EventCatalogue.MEMBER_REASSIGNED, EventCatalogue.MEMBER_LEFT, EventCatalogue.MEMBER_EXEMPTED, EventCatalogue.DUES_PAID);

    private final IdempotentConsumer consumer;
    private final Organisations organisations;
    private final Findings findings;
    private final MemberDeadlines deadlines;
    private final DuesLedger dues;

    MembershipEventsListener(IdempotentConsumer consumer, Organisations organisations, Findings findings,
                             MemberDeadlines deadlines, DuesLedger dues) {
        this.consumer = consumer;
        this.organisations = organisations;
        this.findings = findings;
        this.deadlines = deadlines;
        this.dues = dues;
    }

    @KafkaListener(topics = "#{T(org.chibo.contracts.Topics).MEMBERSHIP_EVENTS.name()}", groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.handleBatch(records, KEPT, this::applyAll, this::apply);
    }

    /**
     * A poll in order. Registrations of units, admissions (probations started, steps onto the rolls) and dues payments
     * (a city onboarded at once is thousands of the first two, a year's collection sheets a million of the last) are
     * gathered into one bulk write each; they touch different collections, and anything else flushes them first.
     */
    void applyAll(List<IncomingEvent> events) {
        Pending pending = new Pending();
        for (IncomingEvent event : events) {
            if (event.is(EventCatalogue.ORGANISATION_REGISTERED)) {
                pending.registrations.add(registration(event));
            } else if (event.is(EventCatalogue.MEMBER_ADMITTED) || event.is(EventCatalogue.MEMBERS_ONBOARDED)) {
                List<MemberAdmitted> admitted = admitted(event);
                pending.probations.addAll(probationStarts(admitted));
                admitted.forEach(m -> pending.steps.add(admission(m)));
            } else if (event.is(EventCatalogue.DUES_PAID)) {
                pending.payments.add(event.dataAs(EventCatalogue.DUES_PAID));
            } else {
                flush(pending);
                apply(event);
            }
        }
        flush(pending);
    }

    /** What a poll gathers for bulk writes until another kind of event comes. */
    private static final class Pending {
        final List<Organisations.Registration> registrations = new ArrayList<>();
        final List<MemberDeadlines.ProbationStart> probations = new ArrayList<>();
        final List<DuesLedger.Step> steps = new ArrayList<>();
        final List<DuesPaid> payments = new ArrayList<>();
    }

    private void flush(Pending p) {
        organisations.registerAll(p.registrations);
        deadlines.probationsStarted(p.probations);
        dues.stepsTaken(p.steps);
        dues.paid(p.payments);
        p.registrations.clear();
        p.probations.clear();
        p.steps.clear();
        p.payments.clear();
    }

    private static DuesLedger.Step admission(MemberAdmitted m) {
        return new DuesLedger.Step(m.memberId(), DuesLedger.StepKind.ADMITTED, m.admittedOn(), m.branchId(), m.organisationPath());
    }

    private static Organisations.Registration registration(IncomingEvent event) {
        OrganisationRegistered o = event.dataAs(EventCatalogue.ORGANISATION_REGISTERED);
        return new Organisations.Registration(o.organisationId(), o.kind(), o.path(), o.name());
    }

    /** Only a member admitted on probation (dự bị) has a recognition to wait for; a bulk onboarding names many. */
    private static List<MemberDeadlines.ProbationStart> probationStarts(List<MemberAdmitted> admitted) {
        return admitted.stream().filter(m -> "PROBATIONARY".equals(m.status()))
                .map(m -> new MemberDeadlines.ProbationStart(m.memberId(), m.branchId(), m.organisationPath(), m.admittedOn()))
                .toList();
    }

    /** The members an event puts on the rolls: one for {@code member-admitted}, many for a city's onboarding. */
    private static List<MemberAdmitted> admitted(IncomingEvent event) {
        return event.is(EventCatalogue.MEMBERS_ONBOARDED)
                ? event.dataAs(EventCatalogue.MEMBERS_ONBOARDED).members().stream().map(MembersOnboarded.Entry::admission).toList()
                : List.of(event.dataAs(EventCatalogue.MEMBER_ADMITTED));
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
            List<MemberAdmitted> admitted = admitted(event);
            deadlines.probationsStarted(probationStarts(admitted));
            dues.stepsTaken(admitted.stream().map(MembershipEventsListener::admission).toList());
        } else if (event.is(EventCatalogue.DUES_PAID)) {
            dues.paid(List.of(event.dataAs(EventCatalogue.DUES_PAID)));
        } else if (event.is(EventCatalogue.MEMBER_EXEMPTED)) {
            var e = event.dataAs(EventCatalogue.MEMBER_EXEMPTED);
            dues.exempted(e.memberId(), e.from(), e.until());
        } else if (event.is(EventCatalogue.MEMBER_RECOGNISED)) {
            var r = event.dataAs(EventCatalogue.MEMBER_RECOGNISED);
            deadlines.recognised(r.memberId(), r.recognisedOn());
        } else if (event.is(EventCatalogue.MEMBER_TRANSFERRED_OUT)) {
            MemberTransferredOut t = event.dataAs(EventCatalogue.MEMBER_TRANSFERRED_OUT);
            deadlines.transferIssued(t.memberId(), t.fromBranchId(), t.issuedOn(), t.deadline());
            dues.stepsTaken(List.of(new DuesLedger.Step(t.memberId(), DuesLedger.StepKind.TRANSFERRED_OUT, t.issuedOn(), null, null)));
        } else if (event.is(EventCatalogue.MEMBER_RECEIVED)) {
            MemberReceived r = event.dataAs(EventCatalogue.MEMBER_RECEIVED);
            deadlines.received(r.memberId(), r.branchId(), r.receivedOn());
            dues.stepsTaken(List.of(new DuesLedger.Step(r.memberId(), DuesLedger.StepKind.RECEIVED, r.receivedOn(), r.branchId(),
                    r.organisationPath())));
        } else if (event.is(EventCatalogue.MEMBER_REASSIGNED)) {
            var r = event.dataAs(EventCatalogue.MEMBER_REASSIGNED);
            deadlines.moveBranch(r.memberId(), r.branchId());
            dues.stepsTaken(List.of(new DuesLedger.Step(r.memberId(), DuesLedger.StepKind.REASSIGNED, r.on(), r.branchId(),
                    r.branchPath())));
        } else if (event.is(EventCatalogue.MEMBER_LEFT)) {
            var l = event.dataAs(EventCatalogue.MEMBER_LEFT);
            deadlines.left(l.memberId(), l.on());
            dues.stepsTaken(List.of(new DuesLedger.Step(l.memberId(), DuesLedger.StepKind.LEFT, l.on(), null, null)));
        }
    }
}
