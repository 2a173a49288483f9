package org.chibo.inspection.meeting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chibo.contracts.meeting.MeetingRecorded;
import org.chibo.contracts.meeting.MeetingRecorded.Attendee;
import org.chibo.inspection.RuleSettings;
import org.chibo.inspection.calendar.CalendarInspection;
import org.chibo.inspection.finding.Findings;
import org.chibo.inspection.finding.NewFinding;
import org.chibo.inspection.member.UnexcusedAbsences;
import org.chibo.inspection.organisation.Organisations;
import org.chibo.inspection.rules.Breach;
import org.chibo.inspection.rules.MeetingRule;
import org.chibo.inspection.rules.MemberRules.Absence;
import org.springframework.stereotype.Service;

/**
 * Judges meeting records as they now stand, a first record or an amendment (which replaces it): every per-meeting
 * rule, the period it fulfils, the members it shows absent without reason. Against the revision judged before, a rule
 * newly broken raises its finding (or re-opens it if it had been resolved), a rule no longer broken resolves it.
 * <p>
 * A poll's records are judged together: one read of what was judged before, one bulk write of the periods fulfilled
 * and one of the judgements, written last. Findings, rarer, are written one by one as the rules find them.
 */
@Service
public class MeetingJudge {

    private final List<MeetingRule> rules;
    private final JudgedMeetings judged;
    private final Findings findings;
    private final Organisations organisations;
    private final CalendarInspection calendar;
    private final UnexcusedAbsences absences;
    private final Clock clock;

    MeetingJudge(RuleSettings settings, JudgedMeetings judged, Findings findings, Organisations organisations,
                 CalendarInspection calendar, UnexcusedAbsences absences, Clock clock) {
        this.rules = settings.meetingRules();
        this.judged = judged;
        this.findings = findings;
        this.organisations = organisations;
        this.calendar = calendar;
        this.absences = absences;
        this.clock = clock;
    }

    /**
     * A record as it stands at a revision.
     *
     * @param revision 0 for the record as first recorded, N for its N-th amendment
     */
    public record Revision(MeetingRecorded record, int revision) {
    }

    /** Judges the revisions in order; the same meeting may come more than once. */
    public void judgeAll(List<Revision> revisions) {
        Map<String, JudgedMeetings.Judged> earlier = judged.findAll(revisions.stream().map(r -> r.record().meetingId()).distinct().toList());
        Map<String, JudgedMeetings.Judged> now = new LinkedHashMap<>();
        List<MeetingRecorded> recorded = new ArrayList<>();
        for (Revision r : revisions) {
            String meetingId = r.record().meetingId();
            JudgedMeetings.Judged before = now.containsKey(meetingId) ? now.get(meetingId) : earlier.get(meetingId);
            if (before != null && before.revision() >= r.revision()) {
                continue; // this revision, or a later one, was judged already: a re-delivery, a replay, or a late arrival
            }
            now.put(meetingId, judge(r, before));
            recorded.add(r.record());
        }
        calendar.meetingsRecorded(recorded);
        judged.rememberAll(now, clock.instant());
    }

    private JudgedMeetings.Judged judge(Revision revision, JudgedMeetings.Judged before) {
        MeetingRecorded meeting = revision.record();
        String because = revision.revision() == 0 ? "meeting " + meeting.meetingId() + " recorded"
                : "minutes amended (revision " + revision.revision() + ")";
        List<String> brokenBefore = before == null ? List.of() : before.brokenRules();

        Map<String, Breach> breaches = new HashMap<>();
        for (MeetingRule rule : rules) {
            rule.check(meeting).ifPresent(breach -> breaches.put(rule.rule().id(), breach));
        }
        String path = null;
        for (MeetingRule rule : rules) {
            String ruleId = rule.rule().id();
            String findingId = rule.rule().findingId(meeting.meetingId());
            Breach breach = breaches.get(ruleId);
            if (breach != null && !brokenBefore.contains(ruleId)) {
                path = path != null ? path : organisations.pathOf(meeting.branchId()).orElse(meeting.organisationPath());
                findings.raiseOrReopen(new NewFinding(rule.rule(), findingId, meeting.branchId(), path, meeting.meetingId(),
                        meeting.heldOn(), breach), because);
            } else if (breach == null && brokenBefore.contains(ruleId)) {
                findings.resolveAutomatically(findingId, because);
            }
        }

        List<String> absentees = roster(meeting).stream()
                .filter(a -> "ABSENT_UNEXCUSED".equals(a.attendance()) && !a.exempt() && a.memberId() != null)
                .map(Attendee::memberId).distinct().sorted().toList();
        int year = meeting.heldOn().getYear();
        absences.meetingJudged(new Absence(meeting.meetingId(), meeting.heldOn(), meeting.branchId(), meeting.organisationPath()),
                absentees, before == null ? List.of() : before.absentees(), before == null ? year : before.year(), because);

        return new JudgedMeetings.Judged(meeting.branchId(), revision.revision(), breaches.keySet().stream().sorted().toList(),
                absentees, year);
    }

    private static List<Attendee> roster(MeetingRecorded meeting) {
        return meeting.roster() == null ? List.of() : meeting.roster();
    }
}
