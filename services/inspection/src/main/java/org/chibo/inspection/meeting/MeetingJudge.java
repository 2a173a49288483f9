package org.chibo.inspection.meeting;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Judges a meeting's record as it now stands, the first record or an amendment (which replaces it): every per-meeting
 * rule, the period it fulfils, the members it shows absent without reason. Against the revision judged before, a rule
 * newly broken raises its finding (or re-opens it if it had been resolved), a rule no longer broken resolves it.
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

    /** @param revision 0 for the record as first recorded, N for its N-th amendment */
    public void judge(MeetingRecorded meeting, int revision) {
        Optional<JudgedMeetings.Judged> before = judged.find(meeting.meetingId());
        if (before.isPresent() && before.get().revision() >= revision) {
            return; // this revision, or a later one, was judged already: a re-delivery, a replay, or a late arrival
        }
        String because = revision == 0 ? "meeting " + meeting.meetingId() + " recorded" : "minutes amended (revision " + revision + ")";
        List<String> brokenBefore = before.map(JudgedMeetings.Judged::brokenRules).orElse(List.of());

        Map<String, Breach> breaches = new LinkedHashMap<>();
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

        calendar.meetingRecorded(meeting);

        List<String> absentees = roster(meeting).stream()
                .filter(a -> "ABSENT_UNEXCUSED".equals(a.attendance()) && !a.exempt() && a.memberId() != null)
                .map(Attendee::memberId).distinct().sorted().toList();
        int year = meeting.heldOn().getYear();
        absences.meetingJudged(new Absence(meeting.meetingId(), meeting.heldOn(), meeting.branchId(), meeting.organisationPath()),
                absentees, before.map(JudgedMeetings.Judged::absentees).orElse(List.of()),
                before.map(JudgedMeetings.Judged::year).orElse(year), because);

        judged.remember(meeting.meetingId(), meeting.branchId(),
                new JudgedMeetings.Judged(revision, JudgedMeetings.sorted(breaches.keySet()), absentees, year), clock.instant());
    }

    private static List<Attendee> roster(MeetingRecorded meeting) {
        return meeting.roster() == null ? List.of() : meeting.roster();
    }
}
