package org.chibo.membership.profile;

import org.chibo.membership.audit.RecordAccessLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/** Lý lịch đảng viên: a member's CV as its own resource, apart from the register entry at {@code /members/{id}}. */
@RestController
@RequestMapping("/api/v1/members/{id}/profile")
class ProfileController {

    private final ProfileService profiles;
    private final RecordAccessLog access;

    ProfileController(ProfileService profiles, RecordAccessLog access) {
        this.profiles = profiles;
        this.access = access;
    }

    /** A personal-record read: logged once it succeeds. */
    @GetMapping
    MemberProfile get(@PathVariable String id, HttpServletRequest request) {
        MemberProfile profile = profiles.get(id);
        access.read(request, id, "profile");
        return profile;
    }

    @PutMapping
    MemberProfile replace(@PathVariable String id, @Valid @RequestBody MemberProfile profile) {
        return profiles.replace(id, profile);
    }
}
