package org.chibo.membership.member;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.chibo.chassis.security.Caller;
import org.chibo.membership.access.Access;
import org.chibo.membership.audit.AuditLog;
import org.chibo.membership.organisation.OrganisationService;
import org.chibo.membership.organisation.OrganisationUnit;
import org.chibo.membership.profile.SealedProfiles;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Đảng viên: admit a member into a branch (kết nạp, or onboarding an existing member), read a member. */
@RestController
@RequestMapping("/api/v1/members")
@Validated
@Tag(name = "Đảng viên (members)")
class MemberController {

    private final MemberService members;
    private final OrganisationService organisations;
    private final AuditLog audit;
    private final SealedProfiles sealedProfiles;

    MemberController(MemberService members, OrganisationService organisations, AuditLog audit, SealedProfiles sealedProfiles) {
        this.members = members;
        this.organisations = organisations;
        this.audit = audit;
        this.sealedProfiles = sealedProfiles;
    }

    /** A lifecycle command: committee staff or the city admin inside whose subtree the member's branch lies. */
    private void requireLifecycle(Caller caller, String action, String id) {
        Member m = members.get(id);
        caller.require(action + " member " + id, m.getOrganisationPath(), Access.STAFF);
    }

    private MemberView audited(Caller caller, String action, Member m) {
        audit.record(caller, AuditLog.Subject.member(action, m.getId(), m.getOrganisationPath()));
        return MemberView.of(m);
    }

    record AdmitRequest(@NotBlank @Size(max = 64) String branchId,
                        @NotBlank @Size(max = 120) String fullName,
                        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,32}", message = "4 to 32 letters, digits or dashes") String cardNumber,
                        @NotNull MemberStatus status,
                        @NotNull LocalDate admittedOn,
                        Gender gender,
                        LocalDate birthDate,
                        LocalDate recognisedOn) {
        NewMember toNewMember() {
            return new NewMember(fullName.strip(), cardNumber.strip(), status, gender, birthDate, admittedOn, recognisedOn);
        }
    }

    record MemberView(String id, String branchId, String organisationPath, String cellId, String fullName, String cardNumber,
                      MemberStatus status, Gender gender, LocalDate birthDate, LocalDate admittedOn, LocalDate recognisedOn,
                      Exemption exemption, Transfer transfer, List<Discipline> disciplines, Departure departure) {
        static MemberView of(Member m) {
            return new MemberView(m.getId(), m.getBranchId(), m.getOrganisationPath(), m.getCellId(), m.getFullName(),
                    m.getCardNumber(), m.getStatus(), m.getGender(), m.getBirthDate(), m.getAdmittedOn(), m.getRecognisedOn(),
                    m.getExemption(), m.getTransfer(), m.getDisciplines(), m.getDeparture());
        }
    }

    @Operation(summary = "Kết nạp đảng viên (or onboard an existing one) into a chi bộ of the caller's subtree")
    @PostMapping
    ResponseEntity<MemberView> admit(@Valid @RequestBody AdmitRequest r, Caller caller) {
        OrganisationUnit branch = organisations.find(r.branchId());
        if (branch != null) {
            caller.require("admit a member into " + branch.getId(), branch.getPath(), Access.STAFF);
        } else {
            caller.requireAnyRole("admit a member", Access.STAFF);
        }
        Member m = members.admit(r.branchId(), r.toNewMember());
        return ResponseEntity.created(URI.create("/api/v1/members/" + m.getId())).body(audited(caller, "admit", m));
    }

    record RecognitionRequest(@NotNull LocalDate recognisedOn, @Size(max = 64) String decisionRef) {
    }

    record ExemptionRequest(@NotBlank @Size(max = 300) String reason, @NotNull LocalDate from, LocalDate until) {
    }

    @Operation(summary = "Công nhận đảng viên chính thức")
    @PostMapping("/{id}/recognition")
    MemberView recognise(@PathVariable String id, @Valid @RequestBody RecognitionRequest r, Caller caller) {
        requireLifecycle(caller, "recognise", id);
        return audited(caller, "recognise", members.recognise(id, r.recognisedOn(), r.decisionRef()));
    }

    @Operation(summary = "Miễn công tác và sinh hoạt đảng")
    @PostMapping("/{id}/exemption")
    MemberView exempt(@PathVariable String id, @Valid @RequestBody ExemptionRequest r, Caller caller) {
        requireLifecycle(caller, "exempt", id);
        return audited(caller, "exempt", members.exempt(id, new Exemption(r.reason().strip(), r.from(), r.until())));
    }

    record TransferRequest(@NotNull TransferKind kind, @Size(max = 64) String toBranchId, @NotNull LocalDate issuedOn) {
    }

    record ReceptionRequest(@NotBlank @Size(max = 64) String branchId, @NotNull LocalDate receivedOn) {
    }

    /** The receiving branch may lie anywhere: papers go to another district or city too. */
    @Operation(summary = "Chuyển sinh hoạt đảng đi: the member leaves the chi bộ's rolls with papers to present elsewhere")
    @PostMapping("/{id}/transfer")
    MemberView transferOut(@PathVariable String id, @Valid @RequestBody TransferRequest r, Caller caller) {
        requireLifecycle(caller, "transfer out", id);
        return audited(caller, "transfer-out", members.transferOut(id, r.kind(), r.toBranchId(), r.issuedOn()));
    }

    /**
     * The receiving side acts here, so the receiving branch must be in the caller's subtree; the member need not be
     * (they come from elsewhere), provided they are in transit to this branch or to no branch named. Anyone else's
     * record is refused as out of scope, so a reception cannot be used to probe or move members of other branches.
     */
    @Operation(summary = "Tiếp nhận sinh hoạt đảng: the receiving chi bộ (in the caller's subtree) records the papers presented")
    @PostMapping("/{id}/reception")
    MemberView receive(@PathVariable String id, @Valid @RequestBody ReceptionRequest r, Caller caller) {
        OrganisationUnit branch = organisations.find(r.branchId());
        if (branch != null) {
            caller.require("receive member " + id + " into " + branch.getId(), branch.getPath(), Access.STAFF);
        } else {
            caller.requireAnyRole("receive member " + id, Access.STAFF);
        }
        Member m = members.get(id);
        Transfer t = m.getTransfer();
        boolean comingHere = m.getDeparture() == null && t != null && (t.toBranchId() == null || t.toBranchId().equals(r.branchId()));
        if (!comingHere) {
            caller.requireCovers("receive member " + id, m.getOrganisationPath());
        }
        return audited(caller, "receive", members.receive(id, r.branchId(), r.receivedOn()));
    }

    record CellRequest(@Size(max = 64) String cellId) {
    }

    @Operation(summary = "Phân công vào tổ đảng: a party cell of the member's chi bộ, or (cellId null) none")
    @PutMapping("/{id}/cell")
    MemberView assignCell(@PathVariable String id, @Valid @RequestBody CellRequest r, Caller caller) {
        requireLifecycle(caller, "assign a cell to", id);
        if (r.cellId() != null) {
            OrganisationUnit cell = organisations.find(r.cellId());
            if (cell != null) {
                caller.requireCovers("assign cell " + cell.getId(), cell.getPath());
            }
        }
        return audited(caller, "assign-cell", members.assignCell(id, r.cellId()));
    }

    record DisciplineRequest(@NotNull DisciplineForm form, @NotNull LocalDate decidedOn, @Size(max = 64) String decisionRef,
                             @NotBlank @Size(max = 500) String reason) {
    }

    record DepartureRequest(@NotNull DepartureReason reason, @NotNull LocalDate on, @Size(max = 64) String decisionRef) {
    }

    @Operation(summary = "Kỷ luật đảng viên: khiển trách, cảnh cáo, cách chức, or khai trừ (which also takes the member off the rolls)")
    @PostMapping("/{id}/discipline")
    MemberView discipline(@PathVariable String id, @Valid @RequestBody DisciplineRequest r, Caller caller) {
        requireLifecycle(caller, "discipline", id);
        return audited(caller, "discipline",
                members.discipline(id, new Discipline(r.form(), r.decidedOn(), r.decisionRef(), r.reason().strip())));
    }

    @Operation(summary = "Xóa tên, từ trần, xin ra khỏi Đảng: the member leaves the rolls; the record stays")
    @PostMapping("/{id}/departure")
    MemberView depart(@PathVariable String id, @Valid @RequestBody DepartureRequest r, Caller caller) {
        requireLifecycle(caller, "record the departure of", id);
        return audited(caller, "depart", members.depart(id, new Departure(r.reason(), r.on(), r.decisionRef())));
    }

    @Operation(summary = "Quá trình của đảng viên: the record's history (a personal-record read, logged)")
    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id, Caller caller) {
        Member m = members.get(id);
        Access.requireRecordRead(caller, "read the history of member " + id, id, m.getOrganisationPath());
        audit.read(caller, id, m.getOrganisationPath(), "history");
        return m.getHistory();
    }

    record Page<T>(List<T> items, int page, int size, boolean hasMore) {
    }

    /** Without a branch, the search covers the caller's subtree, never the whole register. */
    @Operation(summary = "Tìm đảng viên: by chi bộ, status, part of the name or số CCCD, inside the caller's subtree, a page at a time")
    @GetMapping
    Page<MemberSummary> search(@RequestParam(required = false) @Size(max = 64) String branchId,
                               @RequestParam(required = false) MemberStatus status,
                               @RequestParam(required = false) @Size(min = 2, max = 60) String name,
                               @RequestParam(required = false) @Pattern(regexp = "[0-9]{12}", message = "12 digits (số CCCD)") String identityNumber,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                               Caller caller) {
        caller.requireAnyRole("search members", Access.RECORD_READERS);
        if (branchId != null) {
            OrganisationUnit branch = organisations.find(branchId);
            if (branch != null) {
                caller.requireCovers("search the members of " + branchId, branch.getPath());
            }
        }
        MemberService.Found found = members.search(Access.within(caller, "organisationPath"), branchId, status, name,
                identityNumber == null ? null : sealedProfiles.identityNumberHash(identityNumber), page, size);
        return new Page<>(found.items().stream().map(MemberSummary::of).toList(), page, size, found.hasMore());
    }

    /** What a list shows: no birth date or other personal details, so listing is not reading a record. */
    record MemberSummary(String id, String branchId, String fullName, String cardNumber, MemberStatus status) {
        static MemberSummary of(Member m) {
            return new MemberSummary(m.getId(), m.getBranchId(), m.getFullName(), m.getCardNumber(), m.getStatus());
        }
    }

    @Operation(summary = "Hồ sơ đảng viên: the member's register entry (a personal-record read, logged); a member reads their own")
    @GetMapping("/{id}")
    MemberView get(@PathVariable String id, Caller caller) {
        Member m = members.get(id);
        Access.requireRecordRead(caller, "read member " + id, id, m.getOrganisationPath());
        audit.read(caller, id, m.getOrganisationPath(), "record");
        return MemberView.of(m);
    }
}
