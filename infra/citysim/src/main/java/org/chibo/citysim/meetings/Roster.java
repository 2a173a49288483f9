package org.chibo.citysim.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chibo.citysim.Member;

/**
 * A branch's rolls as they stood on a given day, the way membership's roster-as-of reads them: a member is on them
 * from the admission day, official from the recognition day, exempt on the days the exemption covers.
 */
final class Roster {

    /**
     * One member on the rolls that day.
     *
     * @param officialAtReference official by the city's reference date: what a reader who takes today's status
     *                            instead of the day's would count (the year is generated to give the same findings
     *                            either way)
     */
    record Entry(Member member, boolean official, boolean officialAtReference, boolean exempt) {
        String card() {
            return member.cardNumber();
        }
    }

    /** The rolls on one day: everyone on them, in roll order. */
    record Day(LocalDate day, List<Entry> entries) {

        /** Everyone counted in attendance: the members not exempt that day. */
        List<Entry> expected() {
            return entries.stream().filter(e -> !e.exempt()).toList();
        }
    }

    private final List<Member> members;
    private final Map<String, Exemption> exemptions = new HashMap<>();
    private final LocalDate referenceDate;

    Roster(List<Member> members, List<Exemption> exemptions, LocalDate referenceDate) {
        this.members = members;
        this.referenceDate = referenceDate;
        exemptions.forEach(e -> this.exemptions.put(e.cardNumber(), e));
    }

    Day on(LocalDate day) {
        List<Entry> entries = new ArrayList<>(members.size());
        for (Member m : members) {
            if (m.admittedOn().isAfter(day)) {
                continue;
            }
            Exemption exemption = exemptions.get(m.cardNumber());
            entries.add(new Entry(m, ExemptionPlanner.officialBy(m, day), ExemptionPlanner.officialBy(m, referenceDate),
                    exemption != null && exemption.covers(day)));
        }
        return new Day(day, entries);
    }

    /** Whether the member is exempt on any day of the year (such members never carry an absence streak). */
    boolean everExempt(String cardNumber) {
        return exemptions.containsKey(cardNumber);
    }
}
