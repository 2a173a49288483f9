package org.chibo.membership.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One unit of the tree. {@code path} is the materialised path of ids from the root, so a subtree is one indexed
 * prefix query. The events it raised wait in {@code pendingEvents}, written with the state in one document write.
 */
@Document(OrganisationUnit.COLLECTION)
public class OrganisationUnit {

    public static final String COLLECTION = "organisations";

    @Id
    private String id;
    private String parentId;
    private OrganisationKind kind;
    private String name;
    private String path;
    /** Stable external key (mã đơn vị) used by imports and exports; the id when none was given. */
    private String code;
    private BranchKind branchKind;
    private Integer meetingDay;
    private Instant registeredAt;
    private java.time.LocalDate dissolvedOn;
    /** Set by a move until every descendant's path carries the new prefix; see {@link PathRepairs}. */
    private PathRepair pendingRepair;
    private BranchCommittee committee;
    private OnlineEligibility onlineEligibility;
    /** Set while a merger into another unit is being carried out; see {@link Mergers}. */
    private Merger merging;
    /** The unit this one was merged into (sáp nhập), once the merger is done; it is then dissolved. */
    private String mergedInto;
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected OrganisationUnit() {
    }

    OrganisationUnit(String id, OrganisationUnit parent, OrganisationKind kind, String name, String code,
                     BranchKind branchKind, Integer meetingDay, Instant registeredAt) {
        this.id = id;
        this.parentId = parent == null ? null : parent.id;
        this.kind = kind;
        this.name = name;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
        this.code = code == null ? id : code;
        this.branchKind = branchKind;
        this.meetingDay = meetingDay;
        this.registeredAt = registeredAt;
    }

    /** What an import row or a request compares against: the same unit, registered again, changes nothing. */
    public boolean sameAs(String otherName, OrganisationKind otherKind, String otherParentId) {
        return name.equals(otherName) && kind == otherKind && java.util.Objects.equals(parentId, otherParentId);
    }

    /** The part of a move that touches other documents, still to do: paths starting with {@code from} get {@code to}. */
    public record PathRepair(String from, String to) {
    }

    void rename(String newName) {
        name = newName;
    }

    void moveUnder(OrganisationUnit parent) {
        String previous = path;
        parentId = parent.id;
        path = parent.path + id + "/";
        pendingRepair = new PathRepair(previous, path);
    }

    void dissolve(java.time.LocalDate on) {
        dissolvedOn = on;
    }

    /** A merger owed: this unit's units and members go to {@code intoId}, then it is dissolved on {@code mergedOn}. */
    public record Merger(String intoId, java.time.LocalDate mergedOn, String decisionRef) {
    }

    void startMerger(Merger m) {
        merging = m;
    }

    void finishMerger() {
        dissolvedOn = merging.mergedOn();
        mergedInto = merging.intoId();
        merging = null;
    }

    public Merger getMerging() {
        return merging;
    }

    public String getMergedInto() {
        return mergedInto;
    }

    /** Dissolved, or on its way to being so: no new members, units or changes. */
    public boolean isClosing() {
        return dissolvedOn != null || merging != null;
    }

    void setCommittee(BranchCommittee c) {
        committee = c;
    }

    void setOnlineEligibility(OnlineEligibility e) {
        onlineEligibility = e;
    }

    public BranchCommittee getCommittee() {
        return committee;
    }

    public OnlineEligibility getOnlineEligibility() {
        return onlineEligibility;
    }

    public boolean isDissolved() {
        return dissolvedOn != null;
    }

    public java.time.LocalDate getDissolvedOn() {
        return dissolvedOn;
    }

    public PathRepair getPendingRepair() {
        return pendingRepair;
    }

    void raise(PendingEvent event) {
        pendingEvents.add(event);
    }

    public String getId() {
        return id;
    }

    public String getParentId() {
        return parentId;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getPath() {
        return path;
    }

    public String getCode() {
        return code;
    }

    public BranchKind getBranchKind() {
        return branchKind;
    }

    public Integer getMeetingDay() {
        return meetingDay;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }
}
