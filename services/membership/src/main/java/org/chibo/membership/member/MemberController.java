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

import org.chibo.membership.audit.RecordAccessLog;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
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
class MemberController {

    private final MemberService members;
    private final RecordAccessLog access;

    MemberController(MemberService members, RecordAccessLog access) {
        this.members = members;
        this.access = access;
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

    @PostMapping
    ResponseEntity<MemberView> admit(@Valid @RequestBody AdmitRequest r) {
        Member m = members.admit(r.branchId(), r.toNewMember());
        return ResponseEntity.created(URI.create("/api/v1/members/" + m.getId())).body(MemberView.of(m));
    }

    record RecognitionRequest(@NotNull LocalDate recognisedOn, @Size(max = 64) String decisionRef) {
    }

    record ExemptionRequest(@NotBlank @Size(max = 300) String reason, @NotNull LocalDate from, LocalDate until) {
    }

    /** Công nhận đảng viên chính thức. */
    @PostMapping("/{id}/recognition")
    MemberView recognise(@PathVariable String id, @Valid @RequestBody RecognitionRequest r) {
        return MemberView.of(members.recognise(id, r.recognisedOn(), r.decisionRef()));
    }

    /** Miễn công tác và sinh hoạt đảng. */
    @PostMapping("/{id}/exemption")
    MemberView exempt(@PathVariable String id, @Valid @RequestBody ExemptionRequest r) {
        return MemberView.of(members.exempt(id, new Exemption(r.reason().strip(), r.from(), r.until())));
    }

    record TransferRequest(@NotNull TransferKind kind, @Size(max = 64) String toBranchId, @NotNull LocalDate issuedOn) {
    }

    record ReceptionRequest(@NotBlank @Size(max = 64) String branchId, @NotNull LocalDate receivedOn) {
    }

    /** Chuyển sinh hoạt đảng đi: the member leaves the branch's rolls with papers to present elsewhere. */
    @PostMapping("/{id}/transfer")
    MemberView transferOut(@PathVariable String id, @Valid @RequestBody TransferRequest r) {
        return MemberView.of(members.transferOut(id, r.kind(), r.toBranchId(), r.issuedOn()));
    }

    /** Tiếp nhận sinh hoạt đảng: the receiving branch records the papers presented. */
    @PostMapping("/{id}/reception")
    MemberView receive(@PathVariable String id, @Valid @RequestBody ReceptionRequest r) {
        return MemberView.of(members.receive(id, r.branchId(), r.receivedOn()));
    }

    record CellRequest(@Size(max = 64) String cellId) {
    }

    /** Tổ đảng: puts the member in a party cell of their branch, or ({@code cellId} null) in none. */
    @PutMapping("/{id}/cell")
    MemberView assignCell(@PathVariable String id, @Valid @RequestBody CellRequest r) {
        return MemberView.of(members.assignCell(id, r.cellId()));
    }

    record DisciplineRequest(@NotNull DisciplineForm form, @NotNull LocalDate decidedOn, @Size(max = 64) String decisionRef,
                             @NotBlank @Size(max = 500) String reason) {
    }

    record DepartureRequest(@NotNull DepartureReason reason, @NotNull LocalDate on, @Size(max = 64) String decisionRef) {
    }

    /** Kỷ luật: reprimand, warning, dismissal from post, or expulsion (which also takes the member off the rolls). */
    @PostMapping("/{id}/discipline")
    MemberView discipline(@PathVariable String id, @Valid @RequestBody DisciplineRequest r) {
        return MemberView.of(members.discipline(id, new Discipline(r.form(), r.decidedOn(), r.decisionRef(), r.reason().strip())));
    }

    /** Xóa tên, từ trần, xin ra khỏi Đảng: the member leaves the rolls; the record stays. */
    @PostMapping("/{id}/departure")
    MemberView depart(@PathVariable String id, @Valid @RequestBody DepartureRequest r) {
        return MemberView.of(members.depart(id, new Departure(r.reason(), r.on(), r.decisionRef())));
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id, HttpServletRequest request) {
        List<HistoryEntry> history = members.get(id).getHistory();
        access.read(request, id, "history");
        return history;
    }

    record Page<T>(List<T> items, int page, int size, boolean hasMore) {
    }

    /** Tìm đảng viên: by branch, status and part of the name, a page at a time, ordered by name. */
    @GetMapping
    Page<MemberSummary> search(@RequestParam(required = false) @Size(max = 64) String branchId,
                               @RequestParam(required = false) MemberStatus status,
                               @RequestParam(required = false) @Size(min = 2, max = 60) String name,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        MemberService.Found found = members.search(branchId, status, name, page, size);
        return new Page<>(found.items().stream().map(MemberSummary::of).toList(), page, size, found.hasMore());
    }

    /** What a list shows: no birth date or other personal details, so listing is not reading a record. */
    record MemberSummary(String id, String branchId, String fullName, String cardNumber, MemberStatus status) {
        static MemberSummary of(Member m) {
            return new MemberSummary(m.getId(), m.getBranchId(), m.getFullName(), m.getCardNumber(), m.getStatus());
        }
    }

    @GetMapping("/{id}")
    MemberView get(@PathVariable String id, HttpServletRequest request) {
        MemberView view = MemberView.of(members.get(id));
        access.read(request, id, "record");
        return view;
    }
}
