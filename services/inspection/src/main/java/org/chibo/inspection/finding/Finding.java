package org.chibo.inspection.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.inspection.rules.Severity;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A broken rule. Its id is derived from what it is about (rule + meeting), so the same meeting judged twice, after a
 * re-delivery or a replay, lands on the same document and never raises a second finding.
 */
@Document(Finding.COLLECTION)
public class Finding {

    public static final String COLLECTION = "findings";

    @Id
    private String id;
    private String ruleId;
    private int ruleVersion;
    private Severity severity;
    private String legalBasis;
    private String branchId;
    private String organisationPath;
    private String meetingId;
    private LocalDate occurredOn;
    private List<String> memberIds;
    private Map<String, Object> evidence;
    private String summary;
    private FindingStatus status;
    private Instant raisedAt;
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected Finding() {
    }

    Finding(String id, String ruleId, int ruleVersion, Severity severity, String legalBasis, String branchId,
            String organisationPath, String meetingId, LocalDate occurredOn, List<String> memberIds,
            Map<String, Object> evidence, String summary, Instant raisedAt) {
        this.id = id;
        this.ruleId = ruleId;
        this.ruleVersion = ruleVersion;
        this.severity = severity;
        this.legalBasis = legalBasis;
        this.branchId = branchId;
        this.organisationPath = organisationPath;
        this.meetingId = meetingId;
        this.occurredOn = occurredOn;
        this.memberIds = List.copyOf(memberIds);
        this.evidence = Map.copyOf(evidence);
        this.summary = summary;
        this.status = FindingStatus.OPEN;
        this.raisedAt = raisedAt;
    }

    static String idFor(String ruleId, String meetingId) {
        return ruleId + ":" + meetingId;
    }

    FindingRaised toRaisedEvent() {
        return new FindingRaised(id, ruleId, ruleVersion, severity.name(), legalBasis, branchId, organisationPath,
                meetingId, occurredOn, memberIds, evidence, summary, raisedAt);
    }

    void raise(PendingEvent event) {
        pendingEvents.add(event);
    }

    public String getId() { return id; }
    public String getRuleId() { return ruleId; }
    public int getRuleVersion() { return ruleVersion; }
    public Severity getSeverity() { return severity; }
    public String getLegalBasis() { return legalBasis; }
    public String getBranchId() { return branchId; }
    public String getOrganisationPath() { return organisationPath; }
    public String getMeetingId() { return meetingId; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public List<String> getMemberIds() { return memberIds; }
    public Map<String, Object> getEvidence() { return evidence; }
    public String getSummary() { return summary; }
    public FindingStatus getStatus() { return status; }
    public Instant getRaisedAt() { return raisedAt; }
}
