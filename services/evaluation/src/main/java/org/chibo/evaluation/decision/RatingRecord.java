package org.chibo.evaluation.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.evaluation.rating.Criterion;
import org.chibo.evaluation.rating.Rating;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A final annual rating: what the year close proposed, with every criterion and its evidence, and every decision the
 * competent committee recorded on it (the audit). The final rating is the proposal until a decision, then the latest
 * decision's; it changes only by a recorded decision.
 */
@Document(RatingRecord.COLLECTION)
public class RatingRecord {

    public static final String COLLECTION = "ratings";

    public enum Stage { PROPOSED, CONFIRMED }

    /** One decision of the committee, kept for good. */
    public record Decision(String decisionId, String decision, Rating rating, Rating previousRating, String reason,
                           String by, Instant at) {
    }

    @Id
    private String id;
    private String subjectType;
    private String subjectId;
    private String branchId;
    private int year;
    private String organisationPath;
    private String districtId;
    private String ratingUnitId;
    private Rating proposedRating;
    private List<Criterion> criteria = new ArrayList<>();
    private String ruleSetVersion;
    private Instant proposedAt;
    private Rating finalRating;
    private Stage stage;
    private List<Decision> decisions = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected RatingRecord() {
    }

    public RatingRecord(String subjectType, String subjectId, String branchId, int year, String organisationPath,
                        String districtId, String ratingUnitId, Rating proposedRating, List<Criterion> criteria,
                        String ruleSetVersion, Instant proposedAt) {
        this.id = idFor(subjectType, subjectId, year);
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.branchId = branchId;
        this.year = year;
        this.organisationPath = organisationPath;
        this.districtId = districtId;
        this.ratingUnitId = ratingUnitId;
        this.proposedRating = proposedRating;
        this.criteria = List.copyOf(criteria);
        this.ruleSetVersion = ruleSetVersion;
        this.proposedAt = proposedAt;
        this.finalRating = proposedRating;
        this.stage = Stage.PROPOSED;
        // written by bulk inserts, which leave a null version as it is: a later save would then insert, not update
        this.version = 0L;
    }

    public static String idFor(String subjectType, String subjectId, int year) {
        return subjectType + ":" + subjectId + ":" + year;
    }

    /** Records a decision unless it was recorded already; says whether it was new. */
    public boolean decide(Decision decision) {
        if (decisions.stream().anyMatch(d -> d.decisionId().equals(decision.decisionId()))) {
            return false;
        }
        decisions.add(decision);
        decisions.sort(Comparator.comparing(Decision::at).thenComparing(Decision::decisionId));
        Decision latest = decisions.get(decisions.size() - 1);
        finalRating = latest.rating();
        stage = Stage.CONFIRMED;
        return true;
    }

    public void raise(PendingEvent event) {
        pendingEvents.add(event);
    }

    public String getId() { return id; }
    public String getSubjectType() { return subjectType; }
    public String getSubjectId() { return subjectId; }
    public String getBranchId() { return branchId; }
    public int getYear() { return year; }
    public String getOrganisationPath() { return organisationPath; }
    public String getDistrictId() { return districtId; }
    public String getRatingUnitId() { return ratingUnitId; }
    public Rating getProposedRating() { return proposedRating; }
    public List<Criterion> getCriteria() { return criteria; }
    public String getRuleSetVersion() { return ruleSetVersion; }
    public Instant getProposedAt() { return proposedAt; }
    public Rating getFinalRating() { return finalRating; }
    public Stage getStage() { return stage; }
    public List<Decision> getDecisions() { return decisions; }
}
