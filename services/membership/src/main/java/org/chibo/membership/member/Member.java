package org.chibo.membership.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member (đảng viên) on a branch's rolls, with the events it raised waiting in {@code pendingEvents}. */
@Document(Member.COLLECTION)
public class Member {

    public static final String COLLECTION = "members";

    @Id
    private String id;
    private String branchId;
    private String organisationPath;
    private String fullName;
    private String cardNumber;
    private MemberStatus status;
    private LocalDate admittedOn;
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected Member() {
    }

    Member(String id, String branchId, String organisationPath, String fullName, String cardNumber,
           MemberStatus status, LocalDate admittedOn) {
        this.id = id;
        this.branchId = branchId;
        this.organisationPath = organisationPath;
        this.fullName = fullName;
        this.cardNumber = cardNumber;
        this.status = status;
        this.admittedOn = admittedOn;
    }

    void raise(PendingEvent event) {
        pendingEvents.add(event);
    }

    public String getId() {
        return id;
    }

    public String getBranchId() {
        return branchId;
    }

    public String getOrganisationPath() {
        return organisationPath;
    }

    public String getFullName() {
        return fullName;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public MemberStatus getStatus() {
        return status;
    }

    public LocalDate getAdmittedOn() {
        return admittedOn;
    }
}
