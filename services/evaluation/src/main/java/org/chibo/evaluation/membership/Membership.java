package org.chibo.evaluation.membership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.chibo.chassis.events.IncomingEvent;
import org.chibo.chassis.paths.MaterialisedPaths;
import org.chibo.chassis.store.InBatches;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.DuesPaid;
import org.chibo.contracts.membership.MemberAdmitted;
import org.chibo.contracts.membership.MemberDisciplined;
import org.chibo.contracts.membership.MemberLeft;
import org.chibo.contracts.membership.MemberReassigned;
import org.chibo.contracts.membership.MemberReceived;
import org.chibo.contracts.membership.MemberTransferredOut;
import org.chibo.contracts.membership.OrganisationMoved;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.chibo.evaluation.record.MemberRegister;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Applies membership events to the members' registers and the organisation tree, in bulk. */
@Service
public class Membership {

    private final MongoTemplate mongo;

    Membership(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Applies a poll's events in order: one read of the documents they touch, one bulk write of those changed. */
    void applyAll(List<IncomingEvent> events) {
        Set<String> memberIds = new HashSet<>();
        Set<String> organisationIds = new HashSet<>();
        for (IncomingEvent e : events) {
            if (e.type().type().startsWith("chibo.membership.organisation-")) {
                organisationIds.add(e.key());
            } else if (e.is(EventCatalogue.MEMBERS_ONBOARDED)) {
                e.dataAs(EventCatalogue.MEMBERS_ONBOARDED).members().forEach(m -> memberIds.add(m.memberId()));
            } else {
                memberIds.add(e.key());
            }
        }
        Map<String, MemberRegister> members = load(memberIds, MemberRegister.class, MemberRegister.COLLECTION, MemberRegister::getId);
        Map<String, Organisation> organisations = load(organisationIds, Organisation.class, Organisation.COLLECTION, Organisation::getId);
        Set<String> changedMembers = new HashSet<>();
        Set<String> changedOrganisations = new HashSet<>();
        List<OrganisationMoved> moves = new ArrayList<>();
        for (IncomingEvent e : events) {
            if (e.is(EventCatalogue.ORGANISATION_REGISTERED)) {
                OrganisationRegistered o = e.dataAs(EventCatalogue.ORGANISATION_REGISTERED);
                if (!organisations.containsKey(o.organisationId())) {
                    organisations.put(o.organisationId(), new Organisation(o.organisationId(), o.kind(), o.name(), o.path()));
                    changedOrganisations.add(o.organisationId());
                }
            } else if (e.is(EventCatalogue.ORGANISATION_RENAMED)) {
                var r = e.dataAs(EventCatalogue.ORGANISATION_RENAMED);
                Organisation o = organisations.get(r.organisationId());
                if (o != null && o.renamed(r.name())) {
                    changedOrganisations.add(o.getId());
                }
            } else if (e.is(EventCatalogue.ORGANISATION_DISSOLVED)) {
                var d = e.dataAs(EventCatalogue.ORGANISATION_DISSOLVED);
                Organisation o = organisations.get(d.organisationId());
                if (o != null && o.dissolved(d.dissolvedOn())) {
                    changedOrganisations.add(o.getId());
                }
            } else if (e.is(EventCatalogue.ORGANISATION_MOVED)) {
                moves.add(e.dataAs(EventCatalogue.ORGANISATION_MOVED));
            } else if (e.is(EventCatalogue.MEMBERS_ONBOARDED)) {
                // each member as member-admitted would have put them on the rolls
                for (var entry : e.dataAs(EventCatalogue.MEMBERS_ONBOARDED).members()) {
                    MemberRegister m = members.computeIfAbsent(entry.memberId(), MemberRegister::new);
                    if (m.joined(entry.branchId(), entry.organisationPath(), entry.admittedOn())) {
                        changedMembers.add(m.getId());
                    }
                }
            } else {
                MemberRegister m = members.computeIfAbsent(e.key(), MemberRegister::new);
                if (applyToMember(e, m)) {
                    changedMembers.add(m.getId());
                }
            }
        }
        write(changedOrganisations.stream().map(organisations::get).toList(), Organisation.COLLECTION, Organisation::getId);
        write(changedMembers.stream().map(members::get).toList(), MemberRegister.COLLECTION, MemberRegister::getId);
        // after the write, so a unit registered in this same poll moves too; rewriting a prefix twice is harmless
        moves.forEach(m -> MaterialisedPaths.rewritePrefix(mongo, Organisation.COLLECTION, "path", m.previousPath(), m.path(), false));
    }

    private static boolean applyToMember(IncomingEvent e, MemberRegister m) {
        if (e.is(EventCatalogue.MEMBER_ADMITTED)) {
            MemberAdmitted a = e.dataAs(EventCatalogue.MEMBER_ADMITTED);
            return m.joined(a.branchId(), a.organisationPath(), a.admittedOn());
        }
        if (e.is(EventCatalogue.MEMBER_RECEIVED)) {
            MemberReceived r = e.dataAs(EventCatalogue.MEMBER_RECEIVED);
            return m.joined(r.branchId(), r.organisationPath(), r.receivedOn());
        }
        if (e.is(EventCatalogue.MEMBER_REASSIGNED)) {
            MemberReassigned r = e.dataAs(EventCatalogue.MEMBER_REASSIGNED);
            return m.joined(r.branchId(), r.branchPath(), r.on());
        }
        if (e.is(EventCatalogue.MEMBER_TRANSFERRED_OUT)) {
            MemberTransferredOut t = e.dataAs(EventCatalogue.MEMBER_TRANSFERRED_OUT);
            return m.leftBranch(t.fromBranchId(), t.issuedOn());
        }
        if (e.is(EventCatalogue.MEMBER_DISCIPLINED)) {
            MemberDisciplined d = e.dataAs(EventCatalogue.MEMBER_DISCIPLINED);
            return m.disciplined(new MemberRegister.Discipline(d.form(), d.decidedOn(), d.branchId(), d.decisionRef()));
        }
        if (e.is(EventCatalogue.MEMBER_LEFT)) {
            MemberLeft l = e.dataAs(EventCatalogue.MEMBER_LEFT);
            return m.leftParty(l.reason(), l.on());
        }
        if (e.is(EventCatalogue.DUES_PAID)) {
            DuesPaid p = e.dataAs(EventCatalogue.DUES_PAID);
            return m.paid(p.paymentId(), new MemberRegister.DuesPayment(p.month(), p.amount(), p.monthDue()));
        }
        return false;
    }

    private <T> Map<String, T> load(Collection<String> ids, Class<T> type, String collection, Function<T, String> id) {
        Map<String, T> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            InBatches.find(mongo, "_id", ids, type, collection).forEach(d -> found.put(id.apply(d), d));
        }
        return found;
    }

    private <T> void write(List<T> documents, String collection, Function<T, String> id) {
        if (documents.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (T d : documents) {
            bulk.replaceOne(Query.query(Criteria.where("_id").is(id.apply(d))), d, FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    public List<Organisation> organisations() {
        return mongo.findAll(Organisation.class);
    }

    public Organisation organisation(String organisationId) {
        return mongo.findById(organisationId, Organisation.class);
    }

    /** The branches at or below a unit's path, as the tree stands now. */
    public List<Organisation> branchesUnder(Organisation unit) {
        return mongo.find(Query.query(Criteria.where("path").regex(MaterialisedPaths.below(unit.getPath()))), Organisation.class)
                .stream().filter(Organisation::isBranch).toList();
    }

    public MemberRegister member(String memberId) {
        return mongo.findById(memberId, MemberRegister.class, MemberRegister.COLLECTION);
    }
}
