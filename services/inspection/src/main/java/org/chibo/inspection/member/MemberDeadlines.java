package org.chibo.inspection.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.chibo.inspection.RuleSettings;
import org.chibo.inspection.finding.Findings;
import org.chibo.inspection.finding.NewFinding;
import org.chibo.inspection.organisation.Organisations;
import org.chibo.inspection.rules.MemberRules;
import org.chibo.inspection.rules.Period;
import org.chibo.inspection.rules.Rule;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Deadlines a member's branch must meet, kept from {@code membership.events} and judged when a period closes: a
 * probationary member's recognition (R-M4, {@code _id = R-M4:<memberId>}) and a transferred member's reception (R-M5,
 * {@code _id = R-M5:<memberId>:<issuedOn>}). Each document's id is the id of the finding it may raise. A deadline is
 * settled by the recognition, the reception, or the member leaving the party; one settled after its finding was raised
 * resolves that finding. Dates are ISO strings, which compare as dates.
 */
@Component
public class MemberDeadlines {

    static final String COLLECTION = "member_deadlines";

    private final MongoTemplate mongo;
    private final Findings findings;
    private final Organisations organisations;
    private final RuleSettings settings;

    MemberDeadlines(MongoTemplate mongo, Findings findings, Organisations organisations, RuleSettings settings) {
        this.mongo = mongo;
        this.findings = findings;
        this.organisations = organisations;
        this.settings = settings;
    }

    /** A probationary member admitted (kết nạp): recognition is due by the end of the probation plus the grace. */
    public record ProbationStart(String memberId, String branchId, String organisationPath, LocalDate admittedOn) {
    }

    /** Probations started, in their order, in one round trip (a city onboarded at once brings thousands). */
    public void probationsStarted(List<ProbationStart> starts) {
        if (starts.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        for (ProbationStart p : starts) {
            LocalDate dueBy = MemberRules.recognitionDueBy(p.admittedOn(), settings.probationMonths(), settings.recognitionGraceDays());
            bulk.upsert(Query.query(Criteria.where("_id").is(MemberRules.RECOGNITION_OVERDUE.findingId(p.memberId()))),
                    opening(MemberRules.RECOGNITION_OVERDUE, p.memberId(), p.branchId(), p.organisationPath(), p.admittedOn(), dueBy));
        }
        bulk.execute();
    }

    /** Transfer papers issued: the receiving organisation must record the reception by {@code deadline}. */
    public void transferIssued(String memberId, String fromBranchId, LocalDate issuedOn, LocalDate deadline) {
        open(MemberRules.TRANSFER_NOT_RECEIVED.findingId(memberId, issuedOn.toString()), MemberRules.TRANSFER_NOT_RECEIVED,
                memberId, fromBranchId, null, issuedOn, deadline);
    }

    public void recognised(String memberId, LocalDate on) {
        settle(Criteria.where("_id").is(MemberRules.RECOGNITION_OVERDUE.findingId(memberId)), on, "recognised", true);
    }

    /** Received onto a branch: the transfer is done, and a probation still running goes on in the new branch. */
    public void received(String memberId, String branchId, LocalDate on) {
        settle(Criteria.where("memberId").is(memberId).and("ruleId").is(MemberRules.TRANSFER_NOT_RECEIVED.id()), on, "received", true);
        moveBranch(memberId, branchId);
    }

    /** Moved to another branch by a merger: a probation still running goes on there. */
    public void moveBranch(String memberId, String branchId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(MemberRules.RECOGNITION_OVERDUE.findingId(memberId))),
                new Update().set("branchId", branchId).unset("organisationPath"), COLLECTION);
    }

    /** Left the party's rolls: nothing more is due, though a deadline already missed stays a finding. */
    public void left(String memberId, LocalDate on) {
        settle(Criteria.where("memberId").is(memberId), on, "left", false);
    }

    /**
     * The findings owed at the close of {@code period}: every deadline not settled that passed before the period's end.
     * Each is filed where the member's branch stands now.
     */
    public List<NewFinding> overdueAt(Period period) {
        Query open = Query.query(Criteria.where("settledOn").is(null).and("dueBy").lt(period.end().toString()));
        List<Document> due = mongo.find(open, Document.class, COLLECTION);
        Map<String, String> paths = organisations.pathsOf(due.stream().map(d -> d.getString("branchId")).distinct().toList());
        List<NewFinding> owed = new ArrayList<>();
        for (Document d : due) {
            String memberId = d.getString("memberId");
            LocalDate startedOn = LocalDate.parse(d.getString("startedOn"));
            LocalDate dueBy = LocalDate.parse(d.getString("dueBy"));
            boolean recognition = MemberRules.RECOGNITION_OVERDUE.id().equals(d.getString("ruleId"));
            Rule rule = recognition ? MemberRules.RECOGNITION_OVERDUE : MemberRules.TRANSFER_NOT_RECEIVED;
            String path = paths.getOrDefault(d.getString("branchId"), d.getString("organisationPath"));
            owed.add(new NewFinding(rule, d.getString("_id"), d.getString("branchId"), path == null ? "" : path, null,
                    dueBy.plusDays(1), recognition ? MemberRules.recognitionOverdue(memberId, startedOn, dueBy)
                            : MemberRules.transferNotReceived(memberId, startedOn, dueBy)));
        }
        return owed;
    }

    private void open(String id, Rule rule, String memberId, String branchId, String organisationPath, LocalDate startedOn,
                      LocalDate dueBy) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), opening(rule, memberId, branchId, organisationPath, startedOn, dueBy),
                COLLECTION);
    }

    private static Update opening(Rule rule, String memberId, String branchId, String organisationPath, LocalDate startedOn,
                                  LocalDate dueBy) {
        Update update = new Update().set("ruleId", rule.id()).set("memberId", memberId).set("branchId", branchId)
                .set("startedOn", startedOn.toString()).set("dueBy", dueBy.toString()).setOnInsert("settledOn", null);
        if (organisationPath != null) {
            update.set("organisationPath", organisationPath);
        }
        return update;
    }

    /**
     * Settles the open deadlines matching {@code which}; when the step fulfils the deadline ({@code fulfils}), a
     * finding one of them had already raised is resolved: done late, but done.
     */
    private void settle(Criteria which, LocalDate on, String how, boolean fulfils) {
        Query open = Query.query(which.and("settledOn").is(null));
        open.fields().include("_id");
        for (Document d : mongo.find(open, Document.class, COLLECTION)) {
            String id = d.getString("_id");
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("settledOn").is(null)),
                    new Update().set("settledOn", on.toString()).set("settledBy", how), COLLECTION);
            if (fulfils) {
                findings.resolveAutomatically(id, how + " on " + on + ", after the deadline");
            }
        }
    }
}
