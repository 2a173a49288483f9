package org.chibo.membership.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.membership.profile.MemberProfile;
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
    /** The party cell (tổ đảng) of the branch the member belongs to, or null; cells keep no rolls of their own. */
    private String cellId;
    private String fullName;
    private String cardNumber;
    private MemberStatus status;
    private Gender gender;
    private LocalDate birthDate;
    private LocalDate admittedOn;
    /** The day the member was recognised official (công nhận đảng viên chính thức); null while probationary. */
    private LocalDate recognisedOn;
    private Exemption exemption;
    private Transfer transfer;
    private List<Discipline> disciplines = new ArrayList<>();
    private Departure departure;
    /** When the recognition-due notice went out; null before. */
    private LocalDate recognitionDueNoticeOn;
    private org.chibo.membership.dues.DuesBasis duesBasis;
    private List<org.chibo.membership.dues.DuesPayment> duesPayments = new ArrayList<>();
    /** The CV (lý lịch đảng viên); null until one is written. */
    private MemberProfile profile;
    /** The import batch whose {@code members-onboarded} announced this member; null for a member admitted by command. */
    private String onboardingBatch;
    private List<HistoryEntry> history = new ArrayList<>();
    /** Every stretch on a branch's rolls, oldest first: what a roster as of a past date is read from. */
    private List<RollPeriod> rolls = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected Member() {
    }

    Member(String id, String branchId, String organisationPath, NewMember m) {
        this.id = id;
        this.branchId = branchId;
        this.organisationPath = organisationPath;
        this.fullName = m.fullName();
        this.cardNumber = m.cardNumber();
        this.status = m.status();
        this.gender = m.gender();
        this.birthDate = m.birthDate();
        this.admittedOn = m.admittedOn();
        this.recognisedOn = m.recognisedOn();
        this.rolls.add(new RollPeriod(branchId, m.admittedOn(), null));
    }

    /** The same member submitted again (an import re-run) changes nothing. */
    public boolean sameAs(NewMember m, String otherBranchId, String otherCellId) {
        return branchId.equals(otherBranchId) && java.util.Objects.equals(cellId, otherCellId) && new NewMember(fullName, cardNumber, status, gender, birthDate, admittedOn,
                recognisedOn).equals(m);
    }

    void raise(PendingEvent event) {
        pendingEvents.add(event);
    }

    void onboardedIn(String batchId) {
        onboardingBatch = batchId;
    }

    public String getOnboardingBatch() {
        return onboardingBatch;
    }

    void record(HistoryEntry entry) {
        history.add(entry);
    }

    void recognise(LocalDate on) {
        status = MemberStatus.OFFICIAL;
        recognisedOn = on;
    }

    void exempt(Exemption e) {
        exemption = e;
    }

    void transferOut(Transfer t) {
        transfer = t;
        endRollPeriod(t.issuedOn());
    }

    /**
     * On the new rolls; an exemption was the old branch's decision and does not travel with the member, nor does a
     * place in one of the old branch's cells.
     */
    void receive(String newBranchId, String newOrganisationPath, LocalDate receivedOn) {
        branchId = newBranchId;
        organisationPath = newOrganisationPath;
        transfer = null;
        exemption = null;
        cellId = null;
        rolls = new ArrayList<>(getRolls());
        rolls.add(new RollPeriod(newBranchId, receivedOn, null));
    }

    void assignCell(String newCellId) {
        cellId = newCellId;
    }

    /** Onto another branch's rolls without a transfer (its branch merged into that one); the exemption stays. */
    void reassign(String newBranchId, String newOrganisationPath, LocalDate on) {
        endRollPeriod(on);
        branchId = newBranchId;
        organisationPath = newOrganisationPath;
        rolls = new ArrayList<>(getRolls());
        rolls.add(new RollPeriod(newBranchId, on, null));
    }

    private void endRollPeriod(LocalDate day) {
        List<RollPeriod> periods = new ArrayList<>(getRolls());
        int last = periods.size() - 1;
        if (last >= 0 && periods.get(last).until() == null) {
            periods.set(last, periods.get(last).endingOn(day));
        }
        rolls = periods;
    }

    /**
     * The member's stretches on branches' rolls. A record written before they were kept gets the one stretch it
     * can vouch for: its branch, from admission until it left or its transfer papers were issued.
     */
    public List<RollPeriod> getRolls() {
        if (rolls != null && !rolls.isEmpty()) {
            return List.copyOf(rolls);
        }
        LocalDate until = departure != null ? departure.on() : transfer != null ? transfer.issuedOn() : null;
        return List.of(new RollPeriod(branchId, admittedOn, until));
    }

    public boolean wasOnRollsOf(String branch, LocalDate day) {
        return getRolls().stream().anyMatch(p -> p.covers(branch, day));
    }

    /** Marks the notice as sent; false when it was already sent or is not owed (not probationary, left). */
    boolean markRecognitionDue(LocalDate today) {
        if (recognitionDueNoticeOn != null || status != MemberStatus.PROBATIONARY || departure != null) {
            return false;
        }
        recognitionDueNoticeOn = today;
        return true;
    }

    void discipline(Discipline d) {
        disciplines.add(d);
    }

    void depart(Departure d) {
        if (transfer == null) {
            endRollPeriod(d.on()); // in transit, the member already left the old rolls when the papers were issued
        }
        departure = d;
        transfer = null;
    }

    public List<Discipline> getDisciplines() {
        return List.copyOf(disciplines);
    }

    public Departure getDeparture() {
        return departure;
    }

    /** Dues are kept in the member's own document, so a payment and its event are one write. */
    public void setDuesBasis(org.chibo.membership.dues.DuesBasis basis, HistoryEntry entry) {
        duesBasis = basis;
        history.add(entry);
    }

    public void addDuesPayment(org.chibo.membership.dues.DuesPayment payment, PendingEvent event) {
        duesPayments.add(payment);
        pendingEvents.add(event);
    }

    public org.chibo.membership.dues.DuesBasis getDuesBasis() {
        return duesBasis;
    }

    public List<org.chibo.membership.dues.DuesPayment> getDuesPayments() {
        return List.copyOf(duesPayments);
    }

    /** The CV is kept in the member's own document, so a change and its history entry are one write. */
    public void setProfile(MemberProfile newProfile, HistoryEntry entry) {
        profile = newProfile;
        history.add(entry);
    }

    /** Empty sections for a member whose CV was never written. */
    public MemberProfile getProfile() {
        return profile == null ? MemberProfile.EMPTY : profile;
    }

    public Transfer getTransfer() {
        return transfer;
    }

    public Exemption getExemption() {
        return exemption;
    }

    public List<HistoryEntry> getHistory() {
        return List.copyOf(history);
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

    public String getCellId() {
        return cellId;
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

    public Gender getGender() {
        return gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public LocalDate getRecognisedOn() {
        return recognisedOn;
    }

    public LocalDate getAdmittedOn() {
        return admittedOn;
    }
}
