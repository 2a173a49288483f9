package org.chibo.inspection.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.chibo.inspection.RuleSettings;
import org.chibo.inspection.finding.Findings;
import org.chibo.inspection.finding.NewFinding;
import org.chibo.inspection.organisation.Organisations;
import org.chibo.inspection.rules.MemberRules;
import org.chibo.inspection.rules.MemberRules.Absence;
import org.chibo.inspection.rules.MemberRules.RemovalGround;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each member's unexcused absences of a year (R-M1, and R-M3 with it), one document per member and year,
 * {@code _id = <memberId>|<year>}, holding the absence of each meeting by meeting id: a meeting seen again overwrites
 * its own entry, and an amendment that excuses the member removes it. {@code breached} remembers whether the threshold
 * was reached when last judged, so the findings change only when that does.
 */
@Component
public class UnexcusedAbsences {

    static final String COLLECTION = "absence_years";

    private final MongoTemplate mongo;
    private final Findings findings;
    private final Organisations organisations;
    private final RemovalGrounds removal;
    private final int months;

    UnexcusedAbsences(MongoTemplate mongo, Findings findings, Organisations organisations, RemovalGrounds removal,
                      RuleSettings settings) {
        this.mongo = mongo;
        this.findings = findings;
        this.organisations = organisations;
        this.removal = removal;
        this.months = settings.unexcusedAbsenceMonths();
    }

    /**
     * A meeting's record (or its amendment) as it now stands: {@code absentees} missed {@code meeting} without reason
     * and were not exempt; {@code before} were those of the revision judged earlier, held in {@code yearBefore}.
     *
     * @param because what changed, for the history of a finding this resolves or re-opens
     */
    public void meetingJudged(Absence meeting, Collection<String> absentees, Collection<String> before, int yearBefore,
                              String because) {
        String meetingId = meeting.meetingId();
        int year = meeting.on().getYear();
        for (String memberId : before) {
            if (!absentees.contains(memberId) || yearBefore != year) {
                judge(memberId, yearBefore, change(memberId, yearBefore, new Update().unset(entry(meetingId))), because);
            }
        }
        Document entry = new Document("meetingId", meetingId).append("on", meeting.on().toString())
                .append("branchId", meeting.branchId()).append("organisationPath", meeting.organisationPath());
        for (String memberId : absentees) {
            judge(memberId, year, change(memberId, year, new Update().set(entry(meetingId), entry)), because);
        }
    }

    private Document change(String memberId, int year, Update update) {
        update.setOnInsert("memberId", memberId).setOnInsert("year", year);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(memberId + "|" + year)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
    }

    /**
     * Raises (or re-opens) R-M1 when the threshold is newly reached, resolves it when it no longer is; R-M3 follows
     * through {@link RemovalGrounds}, which R-M2 reports to as well.
     */
    private void judge(String memberId, int year, Document state, String because) {
        List<Absence> absences = absences(state);
        Optional<Absence> reachedBy = MemberRules.thresholdReachedBy(absences, months);
        boolean wasBreached = Boolean.TRUE.equals(state.getBoolean("breached"));
        String r1 = MemberRules.UNEXCUSED_ABSENCES.findingId(memberId, Integer.toString(year));
        String ground = MemberRules.UNEXCUSED_ABSENCES.id();
        if (reachedBy.isPresent() && !wasBreached) {
            Absence a = reachedBy.get();
            String path = organisations.pathOf(a.branchId()).orElse(a.organisationPath());
            findings.raiseOrReopen(new NewFinding(MemberRules.UNEXCUSED_ABSENCES, r1, a.branchId(), path, null, a.on(),
                    MemberRules.unexcusedAbsences(memberId, year, absences, months)), because);
            removal.reached(memberId, year, new RemovalGround(ground, a.on(), a.branchId(), path), because);
        } else if (reachedBy.isEmpty() && wasBreached) {
            findings.resolveAutomatically(r1, because);
            removal.cleared(memberId, year, ground, because);
        } else {
            reachedBy.ifPresent(a -> {
                // still broken, on a record with an absence more or less, or one held earlier that arrived later: the
                // findings show the year as it now stands, and the day it first reached the threshold in the order held
                findings.redescribe(r1, a.on(), MemberRules.unexcusedAbsences(memberId, year, absences, months));
                String path = organisations.pathOf(a.branchId()).orElse(a.organisationPath());
                removal.reached(memberId, year, new RemovalGround(ground, a.on(), a.branchId(), path), because);
            });
            return;
        }
        // after the findings: a crash in between judges again and finds them written
        mongo.updateFirst(Query.query(Criteria.where("_id").is(state.getString("_id"))),
                new Update().set("breached", reachedBy.isPresent()), COLLECTION);
    }

    private static List<Absence> absences(Document state) {
        List<Absence> absences = new ArrayList<>();
        Document byMeeting = state.get("absences", Document.class);
        if (byMeeting != null) {
            for (Object value : byMeeting.values()) {
                Document a = (Document) value;
                absences.add(new Absence(a.getString("meetingId"), LocalDate.parse(a.getString("on")),
                        a.getString("branchId"), a.getString("organisationPath")));
            }
        }
        return absences;
    }

    /** The field of a meeting's entry; a meeting id may hold characters a field name may not. */
    private static String entry(String meetingId) {
        return "absences." + meetingId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
