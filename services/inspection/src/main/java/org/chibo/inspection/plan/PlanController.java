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

import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.ActingUser;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.inspection.organisation.Organisations;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Kế hoạch kiểm tra: annual inspection plans and the conclusions of their inspections. */
@RestController
@RequestMapping("/api/v1/inspection/plans")
@Validated
class PlanController {

    static final int MAX_CONCLUSION = 4_000;

    private final InspectionPlans plans;
    private final Organisations organisations;
    private final Clock clock;

    PlanController(InspectionPlans plans, Organisations organisations, Clock clock) {
        this.plans = plans;
        this.organisations = organisations;
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

    /** Draws the plan (201); header {@code X-ChiBo-User} says who. */
    @PostMapping
    ResponseEntity<InspectionPlan> draw(@Valid @RequestBody DrawRequest body, ActingUser by) {
        if (body.riskCount() != null && body.randomCount() != null && body.riskCount() + body.randomCount() == 0) {
            throw new InvalidFieldException("riskCount", "a plan inspects at least one branch: riskCount + randomCount ≥ 1");
        }
        InspectionPlan plan = plans.draw(new InspectionPlans.Request(body.organisationId().strip(), body.year(),
                body.riskCount(), body.randomCount(), body.seed()), by.id());
        return ResponseEntity.created(URI.create("/api/v1/inspection/plans/" + plan.getId())).body(plan);
    }

    @GetMapping("/{id}")
    InspectionPlan get(@PathVariable String id) {
        return plans.get(id);
    }

    /** The year's plans, those of an organisation's subtree when {@code organisationId} is given. */
    @GetMapping
    List<InspectionPlan> list(@RequestParam @Min(2000) @Max(2100) int year,
                              @RequestParam(required = false) String organisationId) {
        String path = null;
        if (organisationId != null && !organisationId.isBlank()) {
            path = organisations.pathOf(organisationId.strip())
                    .orElseThrow(() -> new NotFoundException("organisation", organisationId));
        }
        return plans.list(year, path);
    }

    /** Records the conclusion (kết luận) of one planned inspection; header {@code X-ChiBo-User} says who. */
    @PostMapping("/{id}/inspections/{branchId}/conclusion")
    InspectionPlan conclude(@PathVariable String id, @PathVariable String branchId,
                            @Valid @RequestBody ConclusionRequest body, ActingUser by) {
        if (body.concludedOn().isAfter(BusinessDates.today(clock))) {
            throw new InvalidFieldException("concludedOn", "in the future");
        }
        return plans.conclude(id, branchId, body.outcome(), body.conclusion().strip(), body.concludedOn(), by.id());
    }
}
