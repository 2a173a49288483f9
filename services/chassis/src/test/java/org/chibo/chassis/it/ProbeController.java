package org.chibo.chassis.it;

import java.util.Map;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.web.ActingUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints of the test app that exercise the chassis' checks the way a service's controllers use them. */
@RestController
class ProbeController {

    /** Reads an object of the organisation at {@code path}: only callers whose subtree holds it. */
    @GetMapping("/api/v1/probe")
    Map<String, Object> read(@RequestParam String path, Caller caller) {
        caller.requireCovers("read probe", path);
        return Map.of("subject", caller.subject(), "roles", caller.roles(), "organisation", caller.organisationId());
    }

    /** A change only committee staff may make. */
    @PostMapping("/api/v1/probe")
    Map<String, Object> change(@RequestParam String path, Caller caller, ActingUser by) {
        caller.require("change probe", path, Role.COMMITTEE_STAFF, Role.CITY_ADMIN);
        return Map.of("by", by.id());
    }
}
