package org.chibo.evaluation.scorecard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.evaluation.rating.Assessment;
import org.chibo.evaluation.rating.Criterion;
import org.chibo.evaluation.rating.Rating;
import org.chibo.evaluation.record.BranchRecord;
import org.chibo.evaluation.record.FindingEntry;
import org.chibo.evaluation.record.MeetingEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A branch's year: every meeting record (with each member's attendance) and every finding of the year, in one
 * document, so a meeting costs one write however many members it had. A member's year is added up from these
 * documents at the close. Keyed by what they are (meeting id and revision, finding id and status time), so a
 * re-delivered or re-published event changes nothing.
 */
@Document(BranchScorecard.COLLECTION)
public class BranchScorecard {

    public static final String COLLECTION = "branch_scorecards";

    @Id
    private String id;
    private String branchId;
    private int year;
    private String organisationPath;
    private Map<String, MeetingEntry> meetings = new HashMap<>();
    private Map<String, FindingEntry> findings = new HashMap<>();
    private Rating provisionalRating;
    private List<Criterion> criteria = new ArrayList<>();
    private String ruleSetVersion;
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected BranchScorecard() {
    }

    BranchScorecard(String branchId, int year, String organisationPath) {
        this.id = idFor(branchId, year);
        this.branchId = branchId;
        this.year = year;
        this.organisationPath = organisationPath;
    }

    public static String idFor(String branchId, int year) {
        return branchId + ":" + year;
    }

    /** The year's record; changes made through it are changes to this document. */
    public BranchRecord record() {
        return new BranchRecord(branchId, year, meetings, findings);
    }

    void placedAt(String path) {
        if (path != null) {
            organisationPath = path;
        }
    }

    /** Takes the new assessment and returns the rating it replaces (null for the first). */
    Rating reassess(Assessment assessment) {
        Rating previous = provisionalRating;
        provisionalRating = assessment.rating();
        criteria = assessment.criteria();
        ruleSetVersion = assessment.ruleSetVersion();
        return previous;
    }

    void raise(PendingEvent event) {
        pendingEvents.add(event);
    }

    public String getId() { return id; }
    public String getBranchId() { return branchId; }
    public int getYear() { return year; }
    public String getOrganisationPath() { return organisationPath; }
    public Rating getProvisionalRating() { return provisionalRating; }
    public List<Criterion> getCriteria() { return criteria; }
    public String getRuleSetVersion() { return ruleSetVersion; }
}
