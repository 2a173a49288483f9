package org.chibo.citysim;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** What a generation wrote: units by kind, members by status, lines, bytes, and how long it took. */
public record GenerationSummary(long seed, Map<UnitKind, Integer> unitsByKind, Map<Member.Status, Integer> membersByStatus,
                                long lines, long bytes, Duration elapsed) {

    public GenerationSummary {
        unitsByKind = Collections.unmodifiableMap(new EnumMap<>(unitsByKind));
        membersByStatus = Collections.unmodifiableMap(new EnumMap<>(membersByStatus));
    }

    public int units(UnitKind kind) {
        return unitsByKind.getOrDefault(kind, 0);
    }

    public int unitLines() {
        return unitsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int members() {
        return membersByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The figures of this file as a profile of their own: what the platform must count after loading a reduced city
     * (the bundled profile describes the whole one). Named and dated as {@code whole}, with {@code what} added.
     */
    public CityProfile asProfile(CityProfile whole, String what) {
        return new CityProfile(whole.name() + " (" + what + ")", whole.asOf(), units(UnitKind.DIRECT_COMMITTEE),
                units(UnitKind.GRASSROOTS_COMMITTEE), units(UnitKind.BRANCH) + units(UnitKind.GRASSROOTS_BRANCH),
                units(UnitKind.GRASSROOTS_BRANCH), units(UnitKind.BRANCH), members());
    }

    /** The generated file's own figures against the profile (what the platform should show once it is loaded). */
    public ProfileCheck check(CityProfile profile) {
        return ProfileCheck.of(profile, unitsByKind, members());
    }
}
