package org.chibo.evaluation.decision;

import java.time.Instant;
import java.util.List;

import org.chibo.chassis.security.Caller;
import org.chibo.evaluation.access.EvaluationAccess;
import org.chibo.evaluation.access.Ids;
import org.chibo.evaluation.rating.Criterion;
import org.chibo.evaluation.rating.Rating;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Final ratings (xếp loại chất lượng cuối năm): the proposal of the year close with each criterion and its evidence,
 * and the competent committee's decision on it, confirmed (xác nhận) or overridden with a reason. Who may see and
 * decide what: {@link EvaluationAccess}.
 */
@RestController
@RequestMapping("/api/v1/evaluation/years/{year}/ratings")
@Validated
@Tag(name = "Xếp loại chất lượng cuối năm", description = "final ratings: the proposal, its criteria and evidence, the committee's decisions")
class RatingController {

    private static final String SUBJECT = "MEMBER|BRANCH";

    private final RatingDecisions decisions;
    private final EvaluationAccess access;

    RatingController(RatingDecisions decisions, EvaluationAccess access) {
        this.decisions = decisions;
        this.access = access;
    }

    record RatingView(String id, String subjectType, String subjectId, String branchId, int year, String organisationPath,
                      String districtId, String ratingUnitId, Rating proposedRating, Rating finalRating, RatingRecord.Stage stage,
                      List<Criterion> criteria, String ruleSetVersion, Instant proposedAt, List<RatingRecord.Decision> decisions) {
        static RatingView of(RatingRecord r) {
            return new RatingView(r.getId(), r.getSubjectType(), r.getSubjectId(), r.getBranchId(), r.getYear(),
                    r.getOrganisationPath(), r.getDistrictId(), r.getRatingUnitId(), r.getProposedRating(), r.getFinalRating(),
                    r.getStage(), r.getCriteria(), r.getRuleSetVersion(), r.getProposedAt(), r.getDecisions());
        }
    }

    record Page(int page, int size, List<RatingView> items) {
    }

    record Confirmation(@Size(max = 2000) String reason) {
    }

    record Override(@NotNull Rating rating, @NotBlank @Size(max = 2000) String reason) {
    }

    @GetMapping
    @Operation(summary = "Danh sách xếp loại chất lượng của năm (trong phạm vi tổ chức của người gọi)",
            description = "A page of the year's ratings in id order, only those in the caller's subtree (a member: their own). "
                    + "A branchId or ratingUnitId filter outside the subtree is 403.")
    Page list(@PathVariable @Min(2000) @Max(2100) int year,
              @RequestParam(required = false) @Pattern(regexp = SUBJECT) String subjectType,
              @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String branchId,
              @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String ratingUnitId,
              @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
              Caller caller) {
        String action = "list the ratings of " + year;
        var visible = access.visibleRatings(caller, action);
        access.requireFilterInSubtree(caller, action, "branchId", branchId);
        access.requireFilterInSubtree(caller, action, "ratingUnitId", ratingUnitId);
        return new Page(page, size, decisions.list(year, subjectType, branchId, ratingUnitId, visible, page, size).stream()
                .map(RatingView::of).toList());
    }

    @GetMapping("/{subjectType}/{subjectId}")
    @Operation(summary = "Xếp loại chất lượng của một đảng viên hoặc chi bộ, với từng tiêu chí và căn cứ",
            description = "The rating with every criterion, its evidence, the rule-set version and every decision. "
                    + "In the caller's subtree, or a member's own.")
    RatingView get(@PathVariable @Min(2000) @Max(2100) int year, @PathVariable @Pattern(regexp = SUBJECT) String subjectType,
                   @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String subjectId, Caller caller) {
        String action = "read the rating of " + subjectType.toLowerCase() + " " + subjectId + " for " + year;
        access.requireRatingReader(caller, action, subjectType, subjectId);
        RatingRecord r = decisions.get(subjectType, subjectId, year);
        access.requireRatingRead(caller, action, r.getSubjectType(), r.getSubjectId(), r.getOrganisationPath());
        return RatingView.of(r);
    }

    /** The committee confirms the proposal; 409 when it was decided already (then only an override changes it). */
    @PostMapping("/{subjectType}/{subjectId}/confirmation")
    @Operation(summary = "Cấp ủy có thẩm quyền xác nhận xếp loại đề xuất",
            description = "COMMITTEE_STAFF or CITY_ADMIN whose subtree holds the rating unit (a member's branch; a branch's "
                    + "grassroots committee). 409 when decided already: then only an override changes it.")
    RatingView confirm(@PathVariable @Min(2000) @Max(2100) int year, @PathVariable @Pattern(regexp = SUBJECT) String subjectType,
                       @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String subjectId,
                       @RequestBody(required = false) @Valid Confirmation body, Caller caller) {
        requireDecide(caller, "confirm", subjectType, subjectId, year);
        return RatingView.of(decisions.confirm(subjectType, subjectId, year, body == null ? null : body.reason(), caller.subject()));
    }

    /** The committee sets another level; the reason is required and kept. */
    @PostMapping("/{subjectType}/{subjectId}/override")
    @Operation(summary = "Cấp ủy có thẩm quyền quyết định mức xếp loại khác, với lý do (ví dụ Hoàn thành xuất sắc nhiệm vụ vượt tỷ lệ 20%)",
            description = "e.g. Hoàn thành xuất sắc nhiệm vụ above the 20% cap for outstanding results. The reason is required "
                    + "and kept with who decided and when. Same callers as the confirmation.")
    RatingView override(@PathVariable @Min(2000) @Max(2100) int year, @PathVariable @Pattern(regexp = SUBJECT) String subjectType,
                        @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String subjectId,
                        @RequestBody @Valid Override body, Caller caller) {
        requireDecide(caller, "override", subjectType, subjectId, year);
        return RatingView.of(decisions.override(subjectType, subjectId, year, body.rating(), body.reason().strip(), caller.subject()));
    }

    /** Role first (nothing looked up for a caller who may never decide), then the rating unit in the caller's subtree. */
    private void requireDecide(Caller caller, String verb, String subjectType, String subjectId, int year) {
        String action = verb + " the rating of " + subjectType.toLowerCase() + " " + subjectId + " for " + year;
        access.requireDecider(caller, action);
        RatingRecord r = decisions.get(subjectType, subjectId, year);
        access.requireDecide(caller, action, r.getOrganisationPath(), r.getRatingUnitId());
    }
}
