package org.chibo.inspection.member;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.chibo.chassis.store.InBatches;
import org.chibo.contracts.membership.DuesPaid;
import org.chibo.inspection.RuleSettings;
import org.chibo.inspection.finding.Findings;
import org.chibo.inspection.finding.NewFinding;
import org.chibo.inspection.organisation.Organisations;
import org.chibo.inspection.rules.DuesArrears;
import org.chibo.inspection.rules.DuesArrears.MemberDues;
import org.chibo.inspection.rules.MemberRules.RemovalGround;
import org.chibo.inspection.rules.Period;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each member's dues as R-M2 needs them, from {@code membership.events}: one document per member
 * ({@code member_dues}, {@code _id = memberId}) with their steps on and off branches' rolls, their exemptions and
 * their payments, each keyed by what it is about (a step by kind and day, an exemption by its first day, a payment by
 * its id), so an event seen again overwrites itself. The months a branch kept dues from ({@code dues_branches}) and
 * the last month closed of each year ({@code dues_closes}) say which months are judged. A member's year is judged when
 * a month closes, and again when anything of theirs arrives after a close (a late payment, an exemption): R-M2 is
 * raised once per member and year, follows the year while it stands, and is resolved when it no longer does, with
 * R-M3 through {@link RemovalGrounds}. {@code breached.<year>} remembers the last judgement.
 */
@Component
public class DuesLedger {

    static final String COLLECTION = "member_dues";
    static final String BRANCHES = "dues_branches";
    static final String CLOSES = "dues_closes";

    /** The order of steps on one day: admitted, transferred out, received, reassigned, left. */
    public enum StepKind { ADMITTED, TRANSFERRED_OUT, RECEIVED, REASSIGNED, LEFT }

    /** A step on or off a branch's rolls; {@code branchId} null when it takes the member off every branch's. */
    public record Step(String memberId, StepKind kind, LocalDate on, String branchId, String organisationPath) {
    }

    private final MongoTemplate mongo;
    private final Findings findings;
    private final Organisations organisations;
    private final RemovalGrounds removal;
    private final int months;

    DuesLedger(MongoTemplate mongo, Findings findings, Organisations organisations, RemovalGrounds removal, RuleSettings settings) {
        this.mongo = mongo;
        this.findings = findings;
        this.organisations = organisations;
        this.removal = removal;
        this.months = settings.duesArrearsMonths();
    }

    /** Steps in their order, in one round trip (a city onboarded at once is a hundred thousand admissions). */
    public void stepsTaken(List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        for (Step s : steps) {
            String key = s.kind() == StepKind.ADMITTED || s.kind() == StepKind.LEFT ? s.kind().name() : s.kind() + "_" + s.on();
            Document entry = new Document("on", s.on().toString()).append("rank", s.kind().ordinal())
                    .append("branchId", s.branchId()).append("organisationPath", s.organisationPath());
            bulk.upsert(byId(s.memberId()), new Update().set("steps." + key, entry));
        }
        bulk.execute();
        judgeAgain(steps.stream().map(Step::memberId).distinct().toList(), "the member's rolls changed");
    }

    /** Exempted from activity (miễn sinh hoạt): the months it touches owe nothing. */
    public void exempted(String memberId, LocalDate from, LocalDate until) {
        mongo.upsert(byId(memberId), new Update().set("exemptions." + from, new Document("from", from.toString())
                .append("until", until == null ? null : until.toString())), COLLECTION);
        judgeAgain(List.of(memberId), "exempted from " + from + (until == null ? "" : " until " + until));
    }

    /** Payments in their order, in one round trip each for the members and the branches. */
    public void paid(List<DuesPaid> payments) {
        if (payments.isEmpty()) {
            return;
        }
        BulkOperations members = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        BulkOperations branches = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BRANCHES);
        Map<String, String> kept = new HashMap<>();
        for (DuesPaid p : payments) {
            members.upsert(byId(p.memberId()), new Update().set("payments." + p.paymentId(), new Document("month", p.month())
                    .append("amount", p.amount()).append("monthDue", p.monthDue()).append("paidOn", p.paidOn().toString())));
            kept.merge(p.branchId(), p.month(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        kept.forEach((branchId, month) -> branches.upsert(byId(branchId), new Update().min("from", month)));
        members.execute();
        branches.execute();
        DuesPaid last = payments.getLast();
        judgeAgain(payments.stream().map(DuesPaid::memberId).distinct().toList(), payments.size() == 1
                ? "dues for " + last.month() + " paid on " + last.paidOn() + " (payment " + last.paymentId() + ")"
                : "dues paid (" + payments.size() + " payments, the last for " + last.month() + " on " + last.paidOn() + ")");
    }

    /**
     * A month closed: its year is judged up to it (or up to a later month closed before it) for every member.
     * Returns the findings raised now.
     */
    public int monthClosed(Period month) {
        mongo.upsert(byId(Integer.toString(month.year())), new Update().max("through", month.toString()), CLOSES);
        Map<Integer, YearMonth> closes = closes();
        YearMonth through = closes.get(month.year());
        Map<String, YearMonth> keptFrom = keptFrom();
        String because = "month " + month + " closed";
        int raised = 0;
        try (Stream<Document> all = mongo.stream(new Query(), Document.class, COLLECTION)) {
            for (Document d : (Iterable<Document>) all::iterator) {
                raised += judge(d, month.year(), through, keptFrom, because);
            }
        }
        return raised;
    }

    /** After a change that arrived once months were closed: the member's closed years judged again. */
    private void judgeAgain(Collection<String> memberIds, String because) {
        Map<Integer, YearMonth> closes = closes();
        if (closes.isEmpty()) {
            return;
        }
        Map<String, YearMonth> keptFrom = keptFrom();
        for (Document d : InBatches.find(mongo, "_id", memberIds, Document.class, COLLECTION)) {
            closes.forEach((year, through) -> judge(d, year, through, keptFrom, because));
        }
    }

    private int judge(Document d, int year, YearMonth through, Map<String, YearMonth> keptFrom, String because) {
        String memberId = d.getString("_id");
        MemberDues dues = dues(d);
        List<YearMonth> unpaid = DuesArrears.unpaid(dues, year, through, keptFrom);
        Optional<YearMonth> reached = DuesArrears.reachedWith(unpaid, months);
        Document breached = d.get("breached", Document.class);
        boolean was = breached != null && Boolean.TRUE.equals(breached.getBoolean(Integer.toString(year)));
        String id = DuesArrears.RULE.findingId(memberId, Integer.toString(year));
        String ground = DuesArrears.RULE.id();
        int raised = 0;
        if (reached.isPresent()) {
            YearMonth month = reached.get();
            String branchId = DuesArrears.branchOf(dues, month).orElseThrow();
            String path = organisations.pathOf(branchId).orElseGet(() -> pathOf(d, branchId));
            LocalDate on = month.atEndOfMonth();
            if (!was) {
                raised += findings.raiseOrReopen(new NewFinding(DuesArrears.RULE, id, branchId, path, null, on,
                        DuesArrears.breach(memberId, year, unpaid, months)), because) ? 1 : 0;
            } else {
                findings.redescribe(id, on, DuesArrears.breach(memberId, year, unpaid, months));
            }
            raised += removal.reached(memberId, year, new RemovalGround(ground, on, branchId, path), because) ? 1 : 0;
        } else if (was) {
            findings.resolveAutomatically(id, because);
            removal.cleared(memberId, year, ground, because);
        }
        if (reached.isPresent() != was) {
            // after the findings: a crash in between judges again and finds them written
            mongo.updateFirst(byId(memberId), new Update().set("breached." + year, reached.isPresent()), COLLECTION);
        }
        return raised;
    }

    private static MemberDues dues(Document d) {
        List<DuesArrears.RollStep> steps = new ArrayList<>();
        entries(d, "steps").forEach(s -> steps.add(new DuesArrears.RollStep(LocalDate.parse(s.getString("on")),
                s.getInteger("rank"), s.getString("branchId"))));
        List<DuesArrears.Exemption> exemptions = new ArrayList<>();
        entries(d, "exemptions").forEach(e -> exemptions.add(new DuesArrears.Exemption(LocalDate.parse(e.getString("from")),
                e.getString("until") == null ? null : LocalDate.parse(e.getString("until")))));
        List<DuesArrears.Payment> payments = new ArrayList<>();
        Document byId = d.get("payments", Document.class);
        if (byId != null) {
            byId.forEach((id, value) -> {
                Document p = (Document) value;
                payments.add(new DuesArrears.Payment(id, YearMonth.parse(p.getString("month")), number(p, "amount"),
                        number(p, "monthDue"), LocalDate.parse(p.getString("paidOn"))));
            });
        }
        return new MemberDues(steps, exemptions, payments);
    }

    private static List<Document> entries(Document d, String field) {
        Document map = d.get(field, Document.class);
        return map == null ? List.of() : map.values().stream().map(Document.class::cast).toList();
    }

    private static long number(Document d, String field) {
        return ((Number) d.get(field)).longValue();
    }

    /** The path a step onto the branch carried, while the branch is not in the organisations projection. */
    private static String pathOf(Document d, String branchId) {
        return entries(d, "steps").stream().filter(s -> branchId.equals(s.getString("branchId")))
                .map(s -> s.getString("organisationPath")).filter(p -> p != null).findFirst().orElse("");
    }

    private Map<Integer, YearMonth> closes() {
        Map<Integer, YearMonth> closes = new TreeMap<>();
        mongo.findAll(Document.class, CLOSES).forEach(d -> closes.put(Integer.parseInt(d.getString("_id")),
                YearMonth.parse(d.getString("through"))));
        return closes;
    }

    private Map<String, YearMonth> keptFrom() {
        Map<String, YearMonth> kept = new HashMap<>();
        mongo.findAll(Document.class, BRANCHES).forEach(d -> kept.put(d.getString("_id"), YearMonth.parse(d.getString("from"))));
        return kept;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
