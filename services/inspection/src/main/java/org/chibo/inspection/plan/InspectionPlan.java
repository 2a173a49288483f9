package org.chibo.inspection.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Kế hoạch kiểm tra: an inspecting committee's annual plan ({@code _id = <organisationId>:<year>}), the branches it
 * chose and why, and the conclusion (kết luận kiểm tra) of each inspection once it is done.
 */
@Document(InspectionPlan.COLLECTION)
public class InspectionPlan {

    static final String COLLECTION = "inspection_plans";

    /** Why a branch is in the plan. */
    public enum Reason {
        /** among the most and most serious findings of the year before */
        RISK,
        /** drawn at random among the rest, with the plan's seed */
        RANDOM
    }

    /** What an inspection found (kết luận). */
    public enum Outcome {
        /** không có khuyết điểm */
        NO_SHORTCOMINGS,
        /** có khuyết điểm, phải khắc phục */
        SHORTCOMINGS,
        /** có vi phạm, đề nghị xử lý */
        VIOLATIONS
    }

    public record Conclusion(Outcome outcome, String text, LocalDate concludedOn, String by, Instant at) {
    }

    public record PlannedInspection(String branchId, String organisationPath, Reason reason, int riskScore, int findings,
                                    Conclusion conclusion) {

        PlannedInspection concluded(Conclusion c) {
            return new PlannedInspection(branchId, organisationPath, reason, riskScore, findings, c);
        }
    }

    @Id
    private String id;
    private String organisationId;
    private String organisationPath;
    private int year;
    private long seed;
    private int riskCount;
    private int randomCount;
    private int riskYear;
    private String drawnBy;
    private Instant drawnAt;
    private List<PlannedInspection> inspections = new ArrayList<>();
    @Version
    private Long version;

    InspectionPlan() {
    }

    static String idOf(String organisationId, int year) {
        return organisationId + ":" + year;
    }

    static InspectionPlan drawn(String organisationId, String organisationPath, int year, long seed, int riskCount,
                                int randomCount, List<PlanDraw.Choice> choices, String by, Instant at) {
        InspectionPlan plan = new InspectionPlan();
        plan.id = idOf(organisationId, year);
        plan.organisationId = organisationId;
        plan.organisationPath = organisationPath;
        plan.year = year;
        plan.seed = seed;
        plan.riskCount = riskCount;
        plan.randomCount = randomCount;
        plan.riskYear = year - 1;
        plan.drawnBy = by;
        plan.drawnAt = at;
        for (PlanDraw.Choice c : choices) {
            plan.inspections.add(new PlannedInspection(c.branch().branchId(), c.branch().organisationPath(), c.reason(),
                    c.branch().score(), c.branch().findings(), null));
        }
        return plan;
    }

    Optional<PlannedInspection> inspectionOf(String branchId) {
        return inspections.stream().filter(i -> i.branchId().equals(branchId)).findFirst();
    }

    void conclude(String branchId, Conclusion conclusion) {
        inspections.replaceAll(i -> i.branchId().equals(branchId) ? i.concluded(conclusion) : i);
    }

    public String getId() { return id; }
    public String getOrganisationId() { return organisationId; }
    public String getOrganisationPath() { return organisationPath; }
    public int getYear() { return year; }
    public long getSeed() { return seed; }
    public int getRiskCount() { return riskCount; }
    public int getRandomCount() { return randomCount; }
    public int getRiskYear() { return riskYear; }
    public String getDrawnBy() { return drawnBy; }
    public Instant getDrawnAt() { return drawnAt; }
    public List<PlannedInspection> getInspections() { return inspections; }
}
