package org.chibo.evaluation.decision;

import java.time.Instant;
import java.util.List;

import org.chibo.chassis.web.ActingUser;
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

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Final ratings (xếp loại chất lượng cuối năm): the proposal of the year close with each criterion and its evidence,
 * and the competent committee's decision on it, confirmed (xác nhận) or overridden with a reason.
 */
@RestController
@RequestMapping("/api/v1/evaluation/years/{year}/ratings")
@Validated
class RatingController {

    private static final String SUBJECT = "MEMBER|BRANCH";

    private final RatingDecisions decisions;

    RatingController(RatingDecisions decisions) {
        this.decisions = decisions;
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
    Page list(@PathVariable @Min(2000) @Max(2100) int year,
              @RequestParam(required = false) @Pattern(regexp = SUBJECT) String subjectType,
              @RequestParam(required = false) String branchId, @RequestParam(required = false) String ratingUnitId,
              @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return new Page(page, size, decisions.list(year, subjectType, branchId, ratingUnitId, page, size).stream()
                .map(RatingView::of).toList());
    }

    @GetMapping("/{subjectType}/{subjectId}")
    RatingView get(@PathVariable @Min(2000) @Max(2100) int year, @PathVariable @Pattern(regexp = SUBJECT) String subjectType,
                   @PathVariable String subjectId) {
        return RatingView.of(decisions.get(subjectType, subjectId, year));
    }

    /** The committee confirms the proposal; 409 when it was decided already (then only an override changes it). */
    @PostMapping("/{subjectType}/{subjectId}/confirmation")
    RatingView confirm(@PathVariable @Min(2000) @Max(2100) int year, @PathVariable @Pattern(regexp = SUBJECT) String subjectType,
                       @PathVariable String subjectId, @RequestBody(required = false) @Valid Confirmation body, ActingUser user) {
        return RatingView.of(decisions.confirm(subjectType, subjectId, year, body == null ? null : body.reason(), user.id()));
    }

    /** The committee sets another level; the reason is required and kept. */
    @PostMapping("/{subjectType}/{subjectId}/override")
    RatingView override(@PathVariable @Min(2000) @Max(2100) int year, @PathVariable @Pattern(regexp = SUBJECT) String subjectType,
                        @PathVariable String subjectId, @RequestBody @Valid Override body, ActingUser user) {
        return RatingView.of(decisions.override(subjectType, subjectId, year, body.rating(), body.reason().strip(), user.id()));
    }
}
