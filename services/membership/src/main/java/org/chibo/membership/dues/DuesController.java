package org.chibo.membership.dues;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.chibo.chassis.security.Caller;
import org.chibo.membership.access.Access;
import org.chibo.membership.audit.AuditLog;
import org.chibo.membership.member.Member;
import org.chibo.membership.member.MemberService;
import org.chibo.membership.organisation.OrganisationService;
import org.chibo.membership.organisation.OrganisationUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Đảng phí: set what a member's dues are computed from, record payments, read statements and a branch's arrears. */
@RestController
@Validated
@Tag(name = "Đảng phí (dues)")
class DuesController {

    private static final String MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";

    private final DuesService dues;
    private final MemberService members;
    private final OrganisationService organisations;
    private final AuditLog audit;

    DuesController(DuesService dues, MemberService members, OrganisationService organisations, AuditLog audit) {
        this.dues = dues;
        this.members = members;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** The member's branch path, after checking that the caller keeps dues inside whose subtree it lies. */
    private String requireDuesKeeper(Caller caller, String action, String memberId) {
        Member m = members.get(memberId);
        caller.require(action + " of member " + memberId, m.getOrganisationPath(), Access.DUES_KEEPERS);
        return m.getOrganisationPath();
    }

    record BasisRequest(@NotBlank @Size(max = 40) String category, @Positive Long monthlyIncome,
                        @NotNull @Pattern(regexp = MONTH, message = "a month as YYYY-MM") String from) {
    }

    record PaymentRequest(@NotNull @Pattern(regexp = MONTH, message = "a month as YYYY-MM") String month,
                          @Positive long amount, @NotNull LocalDate paidOn) {
    }

    record Items<T>(List<T> items) {
    }

    /** A collection sheet (sổ thu đảng phí): the month and up to 1,000 rows; each row is checked on its own. */
    record SheetRequest(@NotNull @Pattern(regexp = MONTH, message = "a month as YYYY-MM") String month,
                        @NotNull @Size(min = 1, max = 1000) List<DuesSheet.Row> rows) {
    }

    record SheetView(String branchId, String month, int rows, int recorded, int unchanged, List<DuesSheet.Rejected> rejected) {
    }

    @Operation(summary = "Mức đóng đảng phí: what the member's dues are computed from")
    @PutMapping("/api/v1/members/{id}/dues-basis")
    DuesBasis setBasis(@PathVariable String id, @Valid @RequestBody BasisRequest r, Caller caller) {
        requireDuesKeeper(caller, "set the dues basis", id);
        Member m = dues.setBasis(id, new DuesBasis(r.category(), r.monthlyIncome(), r.from()));
        audit.record(caller, AuditLog.Subject.member("set-dues-basis", id, m.getOrganisationPath()));
        return m.getDuesBasis();
    }

    @Operation(summary = "Thu đảng phí: record a month's payment")
    @PostMapping("/api/v1/members/{id}/dues-payments")
    ResponseEntity<DuesPayment> pay(@PathVariable String id, @Valid @RequestBody PaymentRequest r, Caller caller) {
        String path = requireDuesKeeper(caller, "record a dues payment", id);
        DuesPayment p = dues.pay(id, r.month(), r.amount(), r.paidOn());
        audit.record(caller, AuditLog.Subject.member("pay-dues", id, path));
        return ResponseEntity.created(URI.create("/api/v1/members/" + id + "/dues?year=" + r.month().substring(0, 4))).body(p);
    }

    @Operation(summary = "Sổ thu đảng phí: record a chi bộ's month of collected dues in one call (row by row; sending it again records nothing twice)")
    @PostMapping("/api/v1/organisations/{id}/dues-sheets")
    SheetView recordSheet(@PathVariable String id, @Valid @RequestBody SheetRequest r, Caller caller) {
        OrganisationUnit branch = organisations.get(id);
        caller.require("record the dues sheet of " + id, branch.getPath(), Access.DUES_KEEPERS);
        DuesService.SheetResult result = dues.recordSheet(id, r.month(), r.rows());
        audit.recordAll(caller, result.recordedMemberIds().stream()
                .map(memberId -> AuditLog.Subject.member("pay-dues", memberId, branch.getPath())).toList());
        return new SheetView(id, result.month(), result.rows(), result.recorded(), result.unchanged(), result.rejected());
    }

    record StatementView(int year, List<DuesStatement.Month> months, long outstanding, long monthsInArrears) {
    }

    @Operation(summary = "Sổ đảng phí của đảng viên: the year's statement (a personal-record read, logged); a member reads their own")
    @GetMapping("/api/v1/members/{id}/dues")
    StatementView statement(@PathVariable String id, @RequestParam @Min(2000) @Max(2100) int year, Caller caller) {
        Member m = members.get(id);
        Access.requireRecordRead(caller, "read the dues of member " + id, id, m.getOrganisationPath());
        DuesStatement s = dues.statement(id, year);
        audit.read(caller, id, m.getOrganisationPath(), "dues");
        return new StatementView(s.year(), s.months(), s.outstanding(), s.monthsInArrears());
    }

    @Operation(summary = "Đảng viên nợ đảng phí: the chi bộ's members in arrears for the year")
    @GetMapping("/api/v1/dues/arrears")
    Items<DuesService.Arrears> arrears(@RequestParam @NotBlank @Size(max = 64) String branchId,
                                       @RequestParam @Min(2000) @Max(2100) int year, Caller caller) {
        OrganisationUnit branch = organisations.get(branchId);
        caller.require("read the dues arrears of " + branchId, branch.getPath(), Access.RECORD_READERS);
        return new Items<>(dues.arrears(branchId, year));
    }
}
