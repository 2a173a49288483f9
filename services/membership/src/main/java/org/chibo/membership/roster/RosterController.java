package org.chibo.membership.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chibo.chassis.time.BusinessDates;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET a branch's roster, today's or as of a past day. */
@RestController
class RosterController {

    private final RosterAsOf rosters;
    private final Clock clock;

    RosterController(RosterAsOf rosters, Clock clock) {
        this.rosters = rosters;
        this.clock = clock;
    }

    record RosterView(String branchId, LocalDate asOf, int count, List<RosterAsOf.Entry> members) {
    }

    @GetMapping("/api/v1/organisations/{id}/roster")
    RosterView roster(@PathVariable String id, @RequestParam(required = false) LocalDate asOf) {
        LocalDate today = BusinessDates.today(clock);
        LocalDate day = asOf == null ? today : asOf;
        List<RosterAsOf.Entry> members = rosters.of(id, day, today);
        return new RosterView(id, day, members.size(), members);
    }
}
