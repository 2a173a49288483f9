package org.chibo.inspection.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chibo.chassis.web.ConflictException;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.inspection.organisation.Organisations;
import org.chibo.inspection.statistics.FindingFacts;
import org.chibo.inspection.statistics.FindingTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Draws annual inspection plans and records each inspection's conclusion. */
@Service
public class InspectionPlans {

    private static final Logger log = LoggerFactory.getLogger(InspectionPlans.class);

    private final MongoTemplate mongo;
    private final Organisations organisations;
    private final FindingFacts facts;
    private final PlanSettings settings;
    private final Clock clock;

    InspectionPlans(MongoTemplate mongo, Organisations organisations, FindingFacts facts, PlanSettings settings, Clock clock) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.facts = facts;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a request asks for; null counts take the configured defaults, a null seed one derived from the plan's id. */
    record Request(String organisationId, int year, Integer riskCount, Integer randomCount, Long seed) {
    }

    /**
     * Draws the plan of {@code organisationId} for {@code year} from the findings of the year before, once: a second
     * draw of the same plan is a 409 naming {@code year}, so a plan cannot be drawn again until it suits someone.
     */
    public InspectionPlan draw(Request request, String by) {
        String path = organisations.pathOf(request.organisationId())
                .orElseThrow(() -> new NotFoundException("organisation", request.organisationId()));
        String id = InspectionPlan.idOf(request.organisationId(), request.year());
        if (mongo.findById(id, InspectionPlan.class) != null) {
            throw new ConflictException("year", "the " + request.year() + " plan of " + request.organisationId()
                    + " is already drawn: GET /api/v1/inspection/plans/" + id);
        }
        List<FindingTally.Branch> branches = organisations.branchesIn(path, request.year()).stream()
                .map(b -> new FindingTally.Branch(b.id(), b.path())).toList();
        if (branches.isEmpty()) {
            throw new InvalidFieldException("organisationId", "no branch (chi bộ) lies under " + request.organisationId());
        }
        int riskYear = request.year() - 1;
        List<RiskRanking.BranchRisk> ranked = RiskRanking.rank(branches,
                facts.of(path, LocalDate.of(riskYear, 1, 1), LocalDate.of(riskYear, 12, 31)), settings::weightOf);
        int riskCount = request.riskCount() != null ? request.riskCount() : settings.riskCount();
        int randomCount = request.randomCount() != null ? request.randomCount() : settings.randomCount();
        long seed = request.seed() != null ? request.seed() : id.hashCode();
        List<PlanDraw.Choice> choices = PlanDraw.draw(ranked, riskCount, randomCount, seed, plannedElsewhere(request.year()));
        InspectionPlan plan = InspectionPlan.drawn(request.organisationId(), path, request.year(), seed, riskCount,
                randomCount, choices, by, clock.instant());
        try {
            mongo.insert(plan);
        } catch (DuplicateKeyException drawnMeanwhile) {
            throw new ConflictException("year", "the " + request.year() + " plan of " + request.organisationId()
                    + " was drawn at the same moment by someone else");
        }
        log.info("inspection plan {} drawn by {}: {} branch(es) of {} ({} by risk, seed {})", id, by,
                choices.size(), branches.size(), choices.stream().filter(c -> c.reason() == InspectionPlan.Reason.RISK).count(), seed);
        return plan;
    }

    /** Branches already in some plan of the year: a branch is inspected once a year. */
    private Set<String> plannedElsewhere(int year) {
        Set<String> planned = new HashSet<>();
        mongo.find(Query.query(Criteria.where("year").is(year)), InspectionPlan.class)
                .forEach(p -> p.getInspections().forEach(i -> planned.add(i.branchId())));
        return planned;
    }

    public InspectionPlan get(String id) {
        InspectionPlan plan = mongo.findById(id, InspectionPlan.class);
        if (plan == null) {
            throw new NotFoundException("inspection plan", id);
        }
        return plan;
    }

    /** The plans of a year at or below an organisation. */
    public List<InspectionPlan> list(int year, String pathPrefix) {
        return list(year, Criteria.where("organisationPath").regex(org.chibo.chassis.paths.MaterialisedPaths.below(pathPrefix)));
    }

    /** The plans of a year whose committee matches {@code where} (on {@code organisationPath}: a subtree). */
    public List<InspectionPlan> list(int year, Criteria where) {
        Query query = new Query(where).addCriteria(Criteria.where("year").is(year));
        return mongo.find(query, InspectionPlan.class).stream()
                .sorted(java.util.Comparator.comparing(InspectionPlan::getOrganisationPath)).toList();
    }

    /**
     * Records the conclusion of the inspection of {@code branchId}: 404 when the branch is not in the plan, 409 naming
     * {@code branchId} when it is already concluded. A concurrent change of the plan is a 409 too (version check).
     */
    public InspectionPlan conclude(String planId, String branchId, InspectionPlan.Outcome outcome, String text,
                                   LocalDate concludedOn, String by) {
        InspectionPlan plan = get(planId);
        InspectionPlan.PlannedInspection inspection = plan.inspectionOf(branchId)
                .orElseThrow(() -> new NotFoundException("inspection of branch in plan " + planId, branchId));
        if (inspection.conclusion() != null) {
            throw new ConflictException("branchId", "the inspection of " + branchId + " was concluded on "
                    + inspection.conclusion().concludedOn() + " by " + inspection.conclusion().by());
        }
        if (concludedOn.getYear() < plan.getYear()) {
            throw new InvalidFieldException("concludedOn", "before the plan's year " + plan.getYear());
        }
        plan.conclude(branchId, new InspectionPlan.Conclusion(outcome, text, concludedOn, by, clock.instant()));
        return mongo.save(plan);
    }
}
