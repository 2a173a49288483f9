package org.chibo.evaluation.scorecard;

import java.util.List;

import org.chibo.chassis.web.NotFoundException;
import org.chibo.evaluation.membership.Membership;
import org.chibo.evaluation.membership.Organisation;
import org.chibo.evaluation.rating.Assessment;
import org.chibo.evaluation.rating.BranchYear;
import org.chibo.evaluation.rating.Criterion;
import org.chibo.evaluation.rating.MemberYear;
import org.chibo.evaluation.rating.Rating;
import org.chibo.evaluation.record.BranchRecord;
import org.chibo.evaluation.record.MeetingEntry;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Xếp loại chất lượng: a branch's scorecard for a year and its provisional rating, with the why. */
@RestController
@RequestMapping("/api/v1/scorecards")
@Validated
class ScorecardController {

    private final Scorecards scorecards;
    private final MemberScorecards members;
    private final Membership membership;

    ScorecardController(Scorecards scorecards, MemberScorecards members, Membership membership) {
        this.scorecards = scorecards;
        this.members = members;
        this.membership = membership;
    }

    record MemberScorecardView(String memberId, int year, String branchId, long present, long expected, double attendanceRate,
                               int excusedAbsences, int unexcusedAbsences, List<String> unexcusedMonths, int tasksAssigned,
                               List<String> disciplines, List<String> openSeriousFindings, List<String> unpaidDuesMonths,
                               Rating provisionalRating, List<Criterion> criteria, String ruleSetVersion) {
        static MemberScorecardView of(MemberScorecards.MemberScorecard c) {
            MemberYear y = c.year();
            return new MemberScorecardView(y.memberId(), y.year(), c.branchId(), y.turnout().present(), y.turnout().expected(),
                    y.turnout().rate(), y.excusedAbsences(), y.unexcusedAbsences(), y.unexcusedMonths(), y.tasksAssigned(),
                    y.disciplines(), y.openSeriousFindingIds(), y.unpaidDuesMonths(), c.provisional().rating(),
                    c.provisional().criteria(), c.provisional().ruleSetVersion());
        }
    }

    record ScorecardView(String branchId, int year, String organisationPath, int meetingsRecorded,
                         int regularMonthsHeld, int regularMonthsOnTime, int thematicQuartersHeld, int thematicQuartersOnTime,
                         long present, long expected, double attendanceRate, long excusedAbsences, long unexcusedAbsences,
                         long tasksAssigned, int openFindings, int resolvedFindings, int openSeriousFindings,
                         Rating provisionalRating, List<Criterion> criteria, String ruleSetVersion) {

        static ScorecardView of(BranchScorecard c, Scorecards scorecards) {
            BranchRecord r = c.record();
            BranchYear y = r.soFar(scorecards.thresholds());
            BranchYear whole = r.wholeYear(scorecards.thresholds(), List.of());
            Assessment a = scorecards.provisional(r);
            return new ScorecardView(c.getBranchId(), c.getYear(), c.getOrganisationPath(), y.meetingsRecorded(),
                    whole.regular().heldCount(), whole.regular().onTimeCount(),
                    whole.thematic().heldCount(), whole.thematic().onTimeCount(),
                    y.turnout().present(), y.turnout().expected(), y.turnout().rate(), r.attendances(MeetingEntry.EXCUSED),
                    r.attendances(MeetingEntry.UNEXCUSED), r.tasksAssigned(), y.openFindings(), r.findings().size() - y.openFindings(),
                    y.openSeriousFindingIds().size(), a.rating(), a.criteria(), a.ruleSetVersion());
        }
    }

    /**
     * A branch's year so far: meetings held and on time, attendance, unexcused absences, resolution tasks, findings
     * open and resolved, and its provisional rating (xếp loại tạm tính) with each criterion's evidence.
     */
    /**
     * A member's year so far (đảng viên), over every branch they sat in: attendance, unexcused absences by month,
     * resolution tasks, discipline, serious findings, dues, and the provisional rating with each criterion's evidence.
     */
    @GetMapping("/members/{memberId}")
    MemberScorecardView member(@PathVariable String memberId, @RequestParam @Min(2000) @Max(2100) int year) {
        return MemberScorecardView.of(members.get(memberId, year));
    }

    /** A grassroots or direct committee's year: the scorecards of every branch below it added up. */
    @GetMapping("/organisations/{organisationId}")
    RollUp organisation(@PathVariable String organisationId, @RequestParam @Min(2000) @Max(2100) int year) {
        Organisation unit = membership.organisation(organisationId);
        if (unit == null) {
            throw new NotFoundException("organisation", organisationId);
        }
        List<Organisation> branches = membership.branchesUnder(unit);
        List<BranchRecord> records = scorecards.find(branches.stream().map(b -> BranchScorecard.idFor(b.getId(), year)).toList())
                .stream().map(BranchScorecard::record).toList();
        return RollUp.of(unit.getId(), unit.getName(), unit.getKind(), year, branches.size(), records, scorecards.thresholds());
    }

    @GetMapping("/{branchId}")
    ScorecardView get(@PathVariable String branchId, @RequestParam @Min(2000) @Max(2100) int year) {
        return ScorecardView.of(scorecards.get(branchId, year), scorecards);
    }
}
