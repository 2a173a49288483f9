package org.chibo.inspection.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.inspection.FindingRaised;
import org.chibo.contracts.inspection.FindingStatusChanged;
import org.chibo.inspection.rules.Breach;
import org.chibo.inspection.rules.Severity;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A broken rule and where it stands. Its id is derived from what it is about (rule + meeting, rule + branch + period,
 * rule + member + year), so the same thing judged twice, after a re-delivery or a replay, lands on the same document
 * and never raises a second finding. Its events wait in {@code pendingEvents}, written with the state they report.
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
    private List<StatusChange> history = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected Finding() {
    }

    /** A new OPEN finding, its {@code finding-raised} event already pending. */
    static Finding raise(NewFinding f, Instant at) {
        Finding finding = new Finding();
        finding.id = f.id();
        finding.ruleId = f.rule().id();
        finding.ruleVersion = f.rule().version();
        finding.severity = f.rule().severity();
        finding.legalBasis = f.rule().legalBasis();
        finding.branchId = f.branchId();
        finding.organisationPath = f.organisationPath();
        finding.meetingId = f.meetingId();
        finding.occurredOn = f.occurredOn();
        finding.describe(f.breach());
        finding.status = FindingStatus.OPEN;
        finding.raisedAt = at;
        finding.pendingEvents.add(PendingEvent.of(EventCatalogue.FINDING_RAISED, finding.branchId,
                finding.id, finding.toRaisedEvent(), at));
        return finding;
    }

    /** The figures of the breach as last judged: a re-opened finding shows the record that broke the rule again. */
    void describe(Breach breach) {
        this.memberIds = breach.memberIds();
        this.evidence = breach.evidence();
        this.summary = breach.summary();
    }

    /** New figures and day for a breach that stands; whether anything changed. */
    boolean redescribe(LocalDate on, Breach breach) {
        if (on.equals(occurredOn) && breach.evidence().equals(evidence) && breach.memberIds().equals(memberIds)
                && breach.summary().equals(summary)) {
            return false;
        }
        occurredOn = on;
        describe(breach);
        return true;
    }

    /**
     * Moves the finding to {@code next}, keeps the step in its history and makes its {@code finding-status-changed}
     * event pending. The caller has checked that the move is allowed.
     */
    StatusChange moveTo(FindingStatus next, String by, Instant at, String reason) {
        if (FindingStatus.needsReason(next) && (reason == null || reason.isBlank())) {
            // the API refuses such a request before it gets here; the service always says why
            throw new IllegalArgumentException("a finding becomes " + next + " only with a reason");
        }
        StatusChange change = new StatusChange(next, status, by, at, reason);
        status = next;
        history.add(change);
        pendingEvents.add(PendingEvent.of(EventCatalogue.FINDING_STATUS_CHANGED, branchId, id,
                new FindingStatusChanged(id, ruleId, branchId, organisationPath, meetingId, memberIds, next.name(),
                        change.previousStatus().name(), reason, by, at, severity.name(), occurredOn), at));
        return change;
    }

    FindingRaised toRaisedEvent() {
        return new FindingRaised(id, ruleId, ruleVersion, severity.name(), legalBasis, branchId, organisationPath,
                meetingId, occurredOn, memberIds, evidence, summary, raisedAt);
    }

    /** Gives the events raised here the current trace (the outbox's {@code stamp}). */
    void stampPending(UnaryOperator<PendingEvent> stamp) {
        pendingEvents.replaceAll(e -> e.traceparent() == null ? stamp.apply(e) : e);
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
    public List<StatusChange> getHistory() { return history; }
}
