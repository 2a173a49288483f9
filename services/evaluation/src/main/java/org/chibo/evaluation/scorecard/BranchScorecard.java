package org.chibo.evaluation.scorecard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.evaluation.rating.Assessment;
import org.chibo.evaluation.rating.BranchFigures;
import org.chibo.evaluation.rating.Criterion;
import org.chibo.evaluation.rating.Rating;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A branch's year so far. What has been counted (a meeting by its id, a finding by its id) is kept in the same
 * document as the counts, so "count it" and "remember it was counted" are one atomic write: a re-delivered or
 * re-published record is never counted twice, whatever its event id.
 */
@Document(BranchScorecard.COLLECTION)
public class BranchScorecard {

    public static final String COLLECTION = "branch_scorecards";

    @Id
    private String id;
    private String branchId;
    private int year;
    private String organisationPath;
    private int meetingsRecorded;
    private int present;
    private int expected;
    /** The branch's findings still open or acknowledged: a resolved or dismissed one no longer counts against it. */
    private Set<String> openFindingIds = new HashSet<>();
    private Rating provisionalRating;
    private List<Criterion> criteria = new ArrayList<>();
    private String ruleSetVersion;
    private Set<String> counted = new HashSet<>();
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

    static String idFor(String branchId, int year) {
        return branchId + ":" + year;
    }

    boolean hasCounted(String key) {
        return counted.contains(key);
    }

    static String meetingKey(String meetingId) {
        return "meeting:" + meetingId;
    }

    static String findingKey(String findingId) {
        return "finding:" + findingId;
    }

    void countMeeting(String meetingId, int presentMembers, int expectedMembers) {
        counted.add(meetingKey(meetingId));
        meetingsRecorded++;
        present += presentMembers;
        expected += expectedMembers;
    }

    void countFinding(String findingId) {
        counted.add(findingKey(findingId));
        openFindingIds.add(findingId);
    }

    static String statusKey(String findingId, String status, java.time.Instant at) {
        return "finding-status:" + findingId + ":" + status + ":" + at;
    }

    /** A finding resolved or dismissed leaves the open ones; acknowledged or re-opened, it is (again) among them. */
    void findingStatus(String findingId, String status, java.time.Instant at) {
        counted.add(statusKey(findingId, status, at));
        if ("RESOLVED".equals(status) || "DISMISSED".equals(status)) {
            openFindingIds.remove(findingId);
        } else {
            openFindingIds.add(findingId);
        }
    }

    BranchFigures figures() {
        return new BranchFigures(meetingsRecorded, present, expected, openFindingIds.size());
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

    public String getBranchId() { return branchId; }
    public int getYear() { return year; }
    public String getOrganisationPath() { return organisationPath; }
    public int getMeetingsRecorded() { return meetingsRecorded; }
    public int getPresent() { return present; }
    public int getExpected() { return expected; }
    public int getOpenFindings() { return openFindingIds.size(); }
    public Rating getProvisionalRating() { return provisionalRating; }
    public List<Criterion> getCriteria() { return criteria; }
    public String getRuleSetVersion() { return ruleSetVersion; }
}
