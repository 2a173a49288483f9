package org.chibo.evaluation.scorecard;

import java.util.List;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.evaluation.access.EvaluationAccess;
import org.chibo.evaluation.access.Ids;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** Xếp loại chất lượng: a branch's scorecard for a year and its provisional rating, with the why. */
@RestController
@RequestMapping("/api/v1/scorecards")
@Validated
@Tag(name = "Phiếu đánh giá", description = "scorecards: a branch's, a member's or a committee's year so far, with the provisional rating")
class ScorecardController {

    private final Scorecards scorecards;
    private final MemberScorecards members;
    private final Membership membership;
    private final EvaluationAccess access;

    ScorecardController(Scorecards scorecards, MemberScorecards members, Membership membership, EvaluationAccess access) {
        this.scorecards = scorecards;
        this.members = members;
        this.membership = membership;
        this.access = access;
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
     * A member's year so far (đảng viên), over every branch they sat in: attendance, unexcused absences by month,
     * resolution tasks, discipline, serious findings, dues, and the provisional rating with each criterion's evidence.
     * The member themself, or a reader whose subtree holds the branch they are rated in.
     */
    @GetMapping("/members/{memberId}")
    @Operation(summary = "Phiếu đánh giá của đảng viên trong năm, với xếp loại tạm tính",
            description = "The member themself (MEMBER with that member_id), or COMMITTEE_STAFF, CITY_ADMIN, INSPECTOR, "
                    + "BRANCH_SECRETARY whose subtree holds the branch the member is rated in.")
    MemberScorecardView member(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String memberId,
                               @RequestParam @Min(2000) @Max(2100) int year, Caller caller) {
        String action = "read the scorecard of member " + memberId + " for " + year;
        access.requireRatingReader(caller, action, "MEMBER", memberId);
        MemberScorecards.MemberScorecard card = members.get(memberId, year);
        access.requireRatingRead(caller, action, "MEMBER", memberId, access.places().memberPath(memberId, year).orElse(null));
        return MemberScorecardView.of(card);
    }

    /** A grassroots or direct committee's year: the scorecards of every branch below it added up. */
    @GetMapping("/organisations/{organisationId}")
    @Operation(summary = "Phiếu đánh giá tổng hợp của đảng bộ (cơ sở, trực thuộc) hoặc thành phố trong năm",
            description = "The scorecards of every branch below the unit added up. COMMITTEE_STAFF, CITY_ADMIN, INSPECTOR, "
                    + "BRANCH_SECRETARY with the unit in their subtree.")
    RollUp organisation(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String organisationId,
                        @RequestParam @Min(2000) @Max(2100) int year, Caller caller) {
        String action = "read the scorecards of organisation " + organisationId + " for " + year;
        access.requireSubtreeReader(caller, action);
        Organisation unit = membership.organisation(organisationId);
        if (unit == null) {
            throw new NotFoundException("organisation", organisationId);
        }
        access.requireSubtreeRead(caller, action, unit.getPath());
        List<Organisation> branches = membership.branchesUnder(unit);
        List<BranchRecord> records = scorecards.find(branches.stream().map(b -> BranchScorecard.idFor(b.getId(), year)).toList())
                .stream().map(BranchScorecard::record).toList();
        return RollUp.of(unit.getId(), unit.getName(), unit.getKind(), year, branches.size(), records, scorecards.thresholds());
    }

    /**
     * A branch's year so far: meetings held and on time, attendance, unexcused absences, resolution tasks, findings
     * open and resolved, and its provisional rating (xếp loại tạm tính) with each criterion's evidence.
     */
    @GetMapping("/{branchId}")
    @Operation(summary = "Phiếu đánh giá của chi bộ trong năm, với xếp loại tạm tính và căn cứ từng tiêu chí",
            description = "COMMITTEE_STAFF, CITY_ADMIN, INSPECTOR, BRANCH_SECRETARY with the branch in their subtree.")
    ScorecardView get(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String branchId,
                      @RequestParam @Min(2000) @Max(2100) int year, Caller caller) {
        String action = "read the scorecard of branch " + branchId + " for " + year;
        access.requireSubtreeReader(caller, action);
        BranchScorecard card = scorecards.get(branchId, year);
        String path = card.getOrganisationPath() != null ? card.getOrganisationPath()
                : access.places().organisationPath(branchId).orElse(null);
        access.requireSubtreeRead(caller, action, path);
        return ScorecardView.of(card, scorecards);
    }
}
