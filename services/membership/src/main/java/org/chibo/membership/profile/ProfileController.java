package org.chibo.membership.profile;

import org.chibo.chassis.security.Caller;
import org.chibo.membership.access.Access;
import org.chibo.membership.audit.AuditLog;
import org.chibo.membership.member.Member;
import org.chibo.membership.member.MemberService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Lý lịch đảng viên: a member's CV as its own resource, apart from the register entry at {@code /members/{id}}. */
@RestController
@RequestMapping("/api/v1/members/{id}/profile")
@Tag(name = "Lý lịch đảng viên (profile)")
class ProfileController {

    private final ProfileService profiles;
    private final MemberService members;
    private final AuditLog audit;

    ProfileController(ProfileService profiles, MemberService members, AuditLog audit) {
        this.profiles = profiles;
        this.members = members;
        this.audit = audit;
    }

    @Operation(summary = "Lý lịch đảng viên: the member's CV (a personal-record read, logged); a member reads their own")
    @GetMapping
    MemberProfile get(@PathVariable String id, Caller caller) {
        Member m = members.get(id);
        Access.requireRecordRead(caller, "read the profile of member " + id, id, m.getOrganisationPath());
        audit.read(caller, id, m.getOrganisationPath(), "profile");
        return m.getProfile();
    }

    @Operation(summary = "Cập nhật lý lịch đảng viên: replaces the whole CV")
    @PutMapping
    MemberProfile replace(@PathVariable String id, @Valid @RequestBody MemberProfile profile, Caller caller) {
        Member m = members.get(id);
        caller.require("replace the profile of member " + id, m.getOrganisationPath(), Access.STAFF);
        MemberProfile replaced = profiles.replace(id, profile);
        audit.record(caller, AuditLog.Subject.member("replace-profile", id, m.getOrganisationPath()));
        return replaced;
    }
}
