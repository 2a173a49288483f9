package org.chibo.inspection.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.chibo.inspection.finding.Findings;
import org.chibo.inspection.finding.NewFinding;
import org.chibo.inspection.rules.MemberRules;
import org.chibo.inspection.rules.MemberRules.RemovalGround;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * R-M3, one per member and year, whichever of R-M1 (absences) and R-M2 (dues) reaches it first: each of them reports
 * here when its threshold is reached (again, with the day it now stands at) and when it no longer is. One document per
 * member and year ({@code removal_grounds}, {@code _id = <memberId>|<year>}) holds the grounds by rule, so the two
 * never race over the finding: R-M3 is raised when the first ground appears, follows the earliest while any stands
 * (its {@code because} names them, first reached first) and is resolved when the last is gone.
 */
@Component
public class RemovalGrounds {

    static final String COLLECTION = "removal_grounds";

    private final MongoTemplate mongo;
    private final Findings findings;

    RemovalGrounds(MongoTemplate mongo, Findings findings) {
        this.mongo = mongo;
        this.findings = findings;
    }

    /** {@code ground}'s rule stands for the member's year, reached on {@code ground.on()}; whether R-M3 was raised now. */
    public boolean reached(String memberId, int year, RemovalGround ground, String because) {
        Document entry = new Document("on", ground.on().toString()).append("branchId", ground.branchId())
                .append("organisationPath", ground.organisationPath());
        return judge(memberId, year, change(memberId, year, new Update().set("grounds." + ground.ruleId(), entry)), because);
    }

    /** {@code ruleId} no longer stands for the member's year. */
    public void cleared(String memberId, int year, String ruleId, String because) {
        judge(memberId, year, change(memberId, year, new Update().unset("grounds." + ruleId)), because);
    }

    private Document change(String memberId, int year, Update update) {
        update.setOnInsert("memberId", memberId).setOnInsert("year", year);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(memberId + "|" + year)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
    }

    private boolean judge(String memberId, int year, Document state, String because) {
        List<RemovalGround> grounds = MemberRules.inOrderReached(grounds(state));
        boolean raised = Boolean.TRUE.equals(state.getBoolean("raised"));
        String id = MemberRules.CONSIDER_REMOVAL.findingId(memberId, Integer.toString(year));
        boolean raisedNow = false;
        if (!grounds.isEmpty() && !raised) {
            RemovalGround first = grounds.getFirst();
            raisedNow = findings.raiseOrReopen(new NewFinding(MemberRules.CONSIDER_REMOVAL, id, first.branchId(), first.organisationPath(),
                    null, first.on(), MemberRules.considerRemoval(memberId, year, grounds)), because);
        } else if (grounds.isEmpty() && raised) {
            findings.resolveAutomatically(id, because);
        } else {
            if (!grounds.isEmpty()) {
                findings.redescribe(id, grounds.getFirst().on(), MemberRules.considerRemoval(memberId, year, grounds));
            }
            return false;
        }
        // after the finding: a crash in between judges again and finds it written
        mongo.updateFirst(Query.query(Criteria.where("_id").is(state.getString("_id"))),
                new Update().set("raised", !grounds.isEmpty()), COLLECTION);
        return raisedNow;
    }

    private static List<RemovalGround> grounds(Document state) {
        List<RemovalGround> grounds = new ArrayList<>();
        Document byRule = state.get("grounds", Document.class);
        if (byRule != null) {
            byRule.forEach((ruleId, value) -> {
                Document g = (Document) value;
                grounds.add(new RemovalGround(ruleId, LocalDate.parse(g.getString("on")), g.getString("branchId"),
                        g.getString("organisationPath")));
            });
        }
        return grounds;
    }
}
