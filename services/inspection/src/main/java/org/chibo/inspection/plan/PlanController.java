package org.chibo.inspection.plan;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.inspection.access.Scope;
import org.chibo.inspection.organisation.Organisations;
import org.springframework.http.ResponseEntity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kế hoạch kiểm tra: annual inspection plans and the conclusions of their inspections. Drawn, read and concluded by
 * inspectors (and city admins) whose subtree holds the inspecting committee and every branch concerned.
 */
@Tag(name = "Kế hoạch kiểm tra", description = "Kế hoạch kiểm tra hằng năm của Ủy ban kiểm tra và kết luận kiểm tra từng chi bộ")
@RestController
@RequestMapping("/api/v1/inspection/plans")
@Validated
class PlanController {

    static final int MAX_CONCLUSION = 4_000;

    private final InspectionPlans plans;
    private final Organisations organisations;
    private final Scope scope;
    private final Clock clock;

    PlanController(InspectionPlans plans, Organisations organisations, Scope scope, Clock clock) {
        this.plans = plans;
        this.organisations = organisations;
        this.scope = scope;
        this.clock = clock;
    }

    record DrawRequest(@NotBlank String organisationId,
                       @NotNull @Min(2000) @Max(2100) Integer year,
                       @Min(0) @Max(500) Integer riskCount,
                       @Min(0) @Max(500) Integer randomCount,
                       Long seed) {
    }

    record ConclusionRequest(@NotNull InspectionPlan.Outcome outcome,
                             @NotBlank @Size(max = MAX_CONCLUSION) String conclusion,
                             @NotNull LocalDate concludedOn) {
    }

    /**
     * Draws the plan (201) of a committee in the caller's subtree; the branches it may take are those under the
     * committee, so in the subtree too. The token's subject is recorded as who drew it.
     */
    @Operation(summary = "Lập kế hoạch kiểm tra hằng năm của một Ủy ban kiểm tra",
            description = "Cán bộ kiểm tra (hoặc quản trị thành phố) có phạm vi chứa đơn vị lập kế hoạch (403 nếu không).")
    @PostMapping
    ResponseEntity<InspectionPlan> draw(@Valid @RequestBody DrawRequest body, Caller caller) {
        String action = "draw the inspection plan of " + body.organisationId().strip();
        caller.requireAnyRole(action, Scope.INSPECTORS);
        if (body.riskCount() != null && body.randomCount() != null && body.riskCount() + body.randomCount() == 0) {
            throw new InvalidFieldException("riskCount", "a plan inspects at least one branch: riskCount + randomCount ≥ 1");
        }
        scope.organisationWithin(caller, action, body.organisationId().strip());
        InspectionPlan plan = plans.draw(new InspectionPlans.Request(body.organisationId().strip(), body.year(),
                body.riskCount(), body.randomCount(), body.seed()), caller.subject());
        return ResponseEntity.created(URI.create("/api/v1/inspection/plans/" + plan.getId())).body(plan);
    }

    @Operation(summary = "Một kế hoạch kiểm tra, với kết luận kiểm tra từng chi bộ",
            description = "Cán bộ kiểm tra (hoặc quản trị thành phố) có phạm vi chứa đơn vị lập kế hoạch.")
    @GetMapping("/{id}")
    InspectionPlan get(@PathVariable String id, Caller caller) {
        InspectionPlan plan = plans.get(id);
        caller.require("read inspection plan " + id, plan.getOrganisationPath(), Scope.INSPECTORS);
        return plan;
    }

    /**
     * The year's plans, those of an organisation's subtree when {@code organisationId} is given (inside the caller's),
     * else those of the caller's subtree.
     */
    @Operation(summary = "Các kế hoạch kiểm tra của một năm trong phạm vi người gọi",
            description = "Cán bộ kiểm tra (hoặc quản trị thành phố); organisationId phải thuộc phạm vi của người gọi.")
    @GetMapping
    List<InspectionPlan> list(@RequestParam @Min(2000) @Max(2100) int year,
                              @RequestParam(required = false) String organisationId, Caller caller) {
        String action = "list the " + year + " inspection plans";
        caller.requireAnyRole(action, Scope.INSPECTORS);
        if (organisationId != null && !organisationId.isBlank()) {
            return plans.list(year, scope.organisationWithin(caller, action, organisationId.strip()));
        }
        return plans.list(year, scope.within(caller, action, "organisationPath"));
    }

    /**
     * Records the conclusion (kết luận) of one planned inspection: the caller covers the plan's committee and the
     * branch where it stands now (a branch moved since the draw must still be theirs). The token's subject is recorded.
     */
    @Operation(summary = "Ghi kết luận kiểm tra một chi bộ trong kế hoạch",
            description = "Cán bộ kiểm tra (hoặc quản trị thành phố) có phạm vi chứa đơn vị lập kế hoạch và chi bộ được kiểm tra.")
    @PostMapping("/{id}/inspections/{branchId}/conclusion")
    InspectionPlan conclude(@PathVariable String id, @PathVariable String branchId,
                            @Valid @RequestBody ConclusionRequest body, Caller caller) {
        String action = "record the conclusion of the inspection of " + branchId + " in plan " + id;
        caller.requireAnyRole(action, Scope.INSPECTORS);
        InspectionPlan plan = plans.get(id);
        caller.requireCovers(action, plan.getOrganisationPath());
        plan.inspectionOf(branchId).ifPresent(inspection -> caller.requireCovers(action,
                organisations.pathOf(branchId).orElse(inspection.organisationPath())));
        if (body.concludedOn().isAfter(BusinessDates.today(clock))) {
            throw new InvalidFieldException("concludedOn", "in the future");
        }
        return plans.conclude(id, branchId, body.outcome(), body.conclusion().strip(), body.concludedOn(), caller.subject());
    }
}
