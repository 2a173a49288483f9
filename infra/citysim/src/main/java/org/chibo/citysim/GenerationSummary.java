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

    /** The generated file's own figures against the profile (what the platform should show once it is loaded). */
    public ProfileCheck check(CityProfile profile) {
        return ProfileCheck.of(profile, unitsByKind, members());
    }
}
