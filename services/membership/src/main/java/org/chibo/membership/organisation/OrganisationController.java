package org.chibo.membership.organisation;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
class OrganisationController {

    private final OrganisationService organisations;
    private final BranchSettings settings;
    private final Mergers mergers;

    OrganisationController(OrganisationService organisations, BranchSettings settings, Mergers mergers) {
        this.organisations = organisations;
        this.settings = settings;
        this.mergers = mergers;
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

    @PostMapping
    ResponseEntity<OrganisationView> register(@Valid @RequestBody RegisterRequest r) {
        OrganisationUnit unit = organisations.register(r.name(), r.kind(), r.parentId(), r.code(), r.branchKind(), r.meetingDay());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + unit.getId())).body(OrganisationView.of(unit));
    }

    record RenameRequest(@NotBlank @Size(max = 200) String name) {
    }

    record MoveRequest(@NotBlank @Size(max = 64) String parentId) {
    }

    record DissolutionRequest(@NotNull java.time.LocalDate dissolvedOn, @Size(max = 64) String decisionRef) {
    }

    /** Đổi tên. */
    @PostMapping("/{id}/rename")
    OrganisationView rename(@PathVariable String id, @Valid @RequestBody RenameRequest r) {
        return OrganisationView.of(organisations.rename(id, r.name().strip()));
    }

    /** Chuyển đơn vị: the unit and everything below it move under another parent. */
    @PostMapping("/{id}/move")
    OrganisationView move(@PathVariable String id, @Valid @RequestBody MoveRequest r) {
        return OrganisationView.of(organisations.move(id, r.parentId()));
    }

    /** Giải thể: an empty unit only. */
    record MergerRequest(@NotBlank @Size(max = 64) String intoId, @NotNull java.time.LocalDate mergedOn,
                         @Size(max = 64) String decisionRef) {
    }

    /** Sáp nhập: the unit's units and members go to {@code intoId}, then it is dissolved. */
    @PostMapping("/{id}/merger")
    OrganisationView merge(@PathVariable String id, @Valid @RequestBody MergerRequest r) {
        return OrganisationView.of(mergers.merge(id, r.intoId(), r.mergedOn(), r.decisionRef()));
    }

    @PostMapping("/{id}/dissolution")
    OrganisationView dissolve(@PathVariable String id, @Valid @RequestBody DissolutionRequest r) {
        return OrganisationView.of(organisations.dissolve(id, r.dissolvedOn(), r.decisionRef()));
    }

    record CommitteeRequest(@Size(max = 64) String secretaryId, @NotNull @Size(max = 5) List<@NotBlank String> deputyIds,
                            @NotNull @Size(max = 20) List<@NotBlank String> memberIds) {
    }

    record OnlineEligibilityRequest(boolean eligible, @Size(max = 64) String decisionRef, @Size(max = 500) String reason,
                                    @NotNull java.time.LocalDate from, java.time.LocalDate until) {
    }

    /** Chi ủy: who is secretary, deputy and committee member now. */
    @PutMapping("/{id}/committee")
    OrganisationView setCommittee(@PathVariable String id, @Valid @RequestBody CommitteeRequest r) {
        return OrganisationView.of(settings.setCommittee(id, new BranchCommittee(r.secretaryId(), r.deputyIds(), r.memberIds())));
    }

    /** Sinh hoạt trực tuyến (03-HD/TW): approve or withdraw the branch's eligibility. */
    @PutMapping("/{id}/online-eligibility")
    OrganisationView setOnlineEligibility(@PathVariable String id, @Valid @RequestBody OnlineEligibilityRequest r) {
        return OrganisationView.of(settings.setOnlineEligibility(id,
                new OnlineEligibility(r.eligible(), r.decisionRef(), r.reason(), r.from(), r.until())));
    }

    @GetMapping("/{id}")
    OrganisationView get(@PathVariable String id) {
        return OrganisationView.of(organisations.get(id));
    }

    /** Look-up by the unit's code (mã đơn vị): at most one item. */
    @GetMapping
    Items<OrganisationView> byCode(@RequestParam @NotBlank @Size(max = 64) String code) {
        OrganisationUnit unit = organisations.byCode(code);
        return new Items<>(unit == null ? List.of() : List.of(OrganisationView.of(unit)));
    }

    /** Units by kind and members by status in the subtree below the unit (the unit itself not included). */
    @GetMapping("/{id}/counts")
    CountsView counts(@PathVariable String id) {
        OrganisationService.SubtreeCounts c = organisations.counts(id);
        Map<String, Integer> members = new LinkedHashMap<>(c.membersByStatus());
        members.put("total", c.membersByStatus().values().stream().mapToInt(Integer::intValue).sum());
        return new CountsView(c.unitsByKind(), members);
    }
}
