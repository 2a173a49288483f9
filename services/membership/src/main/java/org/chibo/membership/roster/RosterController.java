package org.chibo.membership.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.membership.access.Access;
import org.chibo.membership.organisation.OrganisationService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** GET a branch's roster, today's or as of a past day. */
@RestController
@Tag(name = "Hệ thống tổ chức đảng (organisation tree)")
class RosterController {

    private final RosterAsOf rosters;
    private final OrganisationService organisations;
    private final Clock clock;

    RosterController(RosterAsOf rosters, OrganisationService organisations, Clock clock) {
        this.rosters = rosters;
        this.organisations = organisations;
        this.clock = clock;
    }

    record RosterView(String branchId, LocalDate asOf, int count, List<RosterAsOf.Entry> members) {
    }

    @Operation(summary = "Danh sách đảng viên của chi bộ: the roster as of a day (not for members)")
    @GetMapping("/api/v1/organisations/{id}/roster")
    RosterView roster(@PathVariable String id, @RequestParam(required = false) LocalDate asOf, Caller caller) {
        caller.require("read the roster of " + id, organisations.get(id).getPath(), Access.RECORD_READERS);
        LocalDate today = BusinessDates.today(clock);
        LocalDate day = asOf == null ? today : asOf;
        List<RosterAsOf.Entry> members = rosters.of(id, day, today);
        return new RosterView(id, day, members.size(), members);
    }
}
