package org.chibo.membership.organisation;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.chibo.membership.access.Access;
import org.chibo.membership.audit.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
import jakarta.validation.constraints.Size;

/** Đơn vị tổ chức đảng: register a unit of the tree, find it by id or code, count what is below it. */
@RestController
@RequestMapping("/api/v1/organisations")
@Validated
@Tag(name = "Hệ thống tổ chức đảng (organisation tree)")
class OrganisationController {

    private final OrganisationService organisations;
    private final BranchSettings settings;
    private final Mergers mergers;
    private final AuditLog audit;

    OrganisationController(OrganisationService organisations, BranchSettings settings, Mergers mergers, AuditLog audit) {
        this.organisations = organisations;
        this.settings = settings;
        this.mergers = mergers;
        this.audit = audit;
    }

    /** The unit after an organisation change by committee staff or the city admin inside whose subtree it lies. */
    private OrganisationUnit changeable(Caller caller, String action, String id) {
        OrganisationUnit unit = organisations.get(id);
        caller.require(action, unit.getPath(), Access.STAFF);
        return unit;
    }

    /** The unit after a read by any role inside whose subtree it lies. */
    private OrganisationUnit readable(Caller caller, String action, String id) {
        OrganisationUnit unit = organisations.get(id);
        caller.require(action, unit.getPath(), Access.ANY_ROLE);
        return unit;
    }

    /** A unit named in a request (a new parent, a merger's target) must lie in the caller's subtree too, when it exists. */
    private void requireTargetInScope(Caller caller, String action, String targetId) {
        OrganisationUnit target = organisations.find(targetId);
        if (target != null) {
            caller.requireCovers(action, target.getPath());
        }
    }

    private OrganisationView audited(Caller caller, String action, OrganisationUnit unit) {
        audit.record(caller, AuditLog.Subject.unit(action, unit.getId(), unit.getPath()));
        return OrganisationView.of(unit);
    }

    record RegisterRequest(@NotBlank @Size(max = 200) String name, @NotNull OrganisationKind kind,
                           @Size(max = 64) String parentId,
                           @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "1 to 64 letters, digits, dots, dashes or underscores") String code,
                           BranchKind branchKind,
                           @Min(1) @Max(28) Integer meetingDay) {
    }

    record OrganisationView(String id, String code, String parentId, OrganisationKind kind, String name, String path,
                            BranchKind branchKind, Integer meetingDay, Instant registeredAt, java.time.LocalDate dissolvedOn,
                            BranchCommittee committee, OnlineEligibility onlineEligibility, String mergedInto,
                            OrganisationUnit.Merger merging) {
        static OrganisationView of(OrganisationUnit u) {
            return new OrganisationView(u.getId(), u.getCode(), u.getParentId(), u.getKind(), u.getName(), u.getPath(),
                    u.getBranchKind(), u.getMeetingDay(), u.getRegisteredAt(), u.getDissolvedOn(),
                    u.getCommittee(), u.getOnlineEligibility(), u.getMergedInto(), u.getMerging());
        }
    }

    record Items<T>(List<T> items) {
    }

    record CountsView(Map<String, Integer> unitsByKind, Map<String, Integer> members) {
    }

    @Operation(summary = "Đăng ký đơn vị (đảng bộ, chi bộ, tổ đảng): under a parent in the caller's subtree, or the root the city admin's token is bound to")
    @PostMapping
    ResponseEntity<OrganisationView> register(@Valid @RequestBody RegisterRequest r, Caller caller) {
        String rootId = null;
        if (r.parentId() == null) {
            // a root lies in nobody's subtree but its own: only the city admin bound to it registers it, under that id
            caller.requireAnyRole("register a root unit", Role.CITY_ADMIN);
            caller.requireCovers("register the root unit " + caller.organisationId(),
                    caller.organisationId() == null ? null : "/" + caller.organisationId() + "/");
            rootId = caller.organisationId();
        } else {
            OrganisationUnit parent = organisations.find(r.parentId());
            if (parent != null) {
                caller.require("register a unit under " + parent.getId(), parent.getPath(), Access.STAFF);
            } else {
                caller.requireAnyRole("register a unit", Access.STAFF);
            }
        }
        OrganisationUnit unit = organisations.register(rootId, r.name(), r.kind(), r.parentId(), r.code(), r.branchKind(), r.meetingDay());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + unit.getId())).body(audited(caller, "register", unit));
    }

    record RenameRequest(@NotBlank @Size(max = 200) String name) {
    }

    record MoveRequest(@NotBlank @Size(max = 64) String parentId) {
    }

    record DissolutionRequest(@NotNull java.time.LocalDate dissolvedOn, @Size(max = 64) String decisionRef) {
    }

    @Operation(summary = "Đổi tên đơn vị")
    @PostMapping("/{id}/rename")
    OrganisationView rename(@PathVariable String id, @Valid @RequestBody RenameRequest r, Caller caller) {
        changeable(caller, "rename unit " + id, id);
        return audited(caller, "rename", organisations.rename(id, r.name().strip()));
    }

    @Operation(summary = "Chuyển đơn vị: the unit and everything below it move under another parent (both in the caller's subtree)")
    @PostMapping("/{id}/move")
    OrganisationView move(@PathVariable String id, @Valid @RequestBody MoveRequest r, Caller caller) {
        changeable(caller, "move unit " + id, id);
        requireTargetInScope(caller, "move unit " + id + " under " + r.parentId(), r.parentId());
        return audited(caller, "move", organisations.move(id, r.parentId()));
    }

    /** Giải thể: an empty unit only. */
    record MergerRequest(@NotBlank @Size(max = 64) String intoId, @NotNull java.time.LocalDate mergedOn,
                         @Size(max = 64) String decisionRef) {
    }

    @Operation(summary = "Sáp nhập: the unit's units and members go to intoId (both in the caller's subtree), then it is dissolved")
    @PostMapping("/{id}/merger")
    OrganisationView merge(@PathVariable String id, @Valid @RequestBody MergerRequest r, Caller caller) {
        changeable(caller, "merge unit " + id, id);
        requireTargetInScope(caller, "merge unit " + id + " into " + r.intoId(), r.intoId());
        return audited(caller, "merge", mergers.merge(id, r.intoId(), r.mergedOn(), r.decisionRef()));
    }

    @Operation(summary = "Giải thể đơn vị: an empty unit only")
    @PostMapping("/{id}/dissolution")
    OrganisationView dissolve(@PathVariable String id, @Valid @RequestBody DissolutionRequest r, Caller caller) {
        changeable(caller, "dissolve unit " + id, id);
        return audited(caller, "dissolve", organisations.dissolve(id, r.dissolvedOn(), r.decisionRef()));
    }

    record CommitteeRequest(@Size(max = 64) String secretaryId, @NotNull @Size(max = 5) List<@NotBlank String> deputyIds,
                            @NotNull @Size(max = 20) List<@NotBlank String> memberIds) {
    }

    record OnlineEligibilityRequest(boolean eligible, @Size(max = 64) String decisionRef, @Size(max = 500) String reason,
                                    @NotNull java.time.LocalDate from, java.time.LocalDate until) {
    }

    @Operation(summary = "Chi ủy: bí thư, phó bí thư and chi ủy viên of the branch, replaced whole")
    @PutMapping("/{id}/committee")
    OrganisationView setCommittee(@PathVariable String id, @Valid @RequestBody CommitteeRequest r, Caller caller) {
        changeable(caller, "set the committee of " + id, id);
        return audited(caller, "set-committee",
                settings.setCommittee(id, new BranchCommittee(r.secretaryId(), r.deputyIds(), r.memberIds())));
    }

    @Operation(summary = "Sinh hoạt trực tuyến (03-HD/TW): approve or withdraw the chi bộ's eligibility")
    @PutMapping("/{id}/online-eligibility")
    OrganisationView setOnlineEligibility(@PathVariable String id, @Valid @RequestBody OnlineEligibilityRequest r, Caller caller) {
        changeable(caller, "set the online eligibility of " + id, id);
        return audited(caller, "set-online-eligibility", settings.setOnlineEligibility(id,
                new OnlineEligibility(r.eligible(), r.decisionRef(), r.reason(), r.from(), r.until())));
    }

    @Operation(summary = "Đơn vị: one unit of the tree (any role, inside the caller's subtree)")
    @GetMapping("/{id}")
    OrganisationView get(@PathVariable String id, Caller caller) {
        return OrganisationView.of(readable(caller, "read unit " + id, id));
    }

    @Operation(summary = "Tìm đơn vị theo mã đơn vị: at most one item (a unit outside the caller's subtree is refused)")
    @GetMapping
    Items<OrganisationView> byCode(@RequestParam @NotBlank @Size(max = 64) String code, Caller caller) {
        caller.requireAnyRole("look up a unit by code", Access.ANY_ROLE);
        OrganisationUnit unit = organisations.byCode(code);
        if (unit != null) {
            caller.requireCovers("look up unit " + code, unit.getPath());
        }
        return new Items<>(unit == null ? List.of() : List.of(OrganisationView.of(unit)));
    }

    @Operation(summary = "Số đơn vị và đảng viên: units by kind and members by status below the unit")
    @GetMapping("/{id}/counts")
    CountsView counts(@PathVariable String id, Caller caller) {
        readable(caller, "count below unit " + id, id);
        OrganisationService.SubtreeCounts c = organisations.counts(id);
        Map<String, Integer> members = new LinkedHashMap<>(c.membersByStatus());
        members.put("total", c.membersByStatus().values().stream().mapToInt(Integer::intValue).sum());
        return new CountsView(c.unitsByKind(), members);
    }
}
