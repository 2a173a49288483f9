package org.chibo.citysim.ratings;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The rating thresholds the oracle reads the year with: the evaluation service's defaults (its README,
 * "Configuration"). Shares are exact decimals, so a comparison at the threshold never depends on rounding.
 *
 * @param attendanceTarget   M3 and B3: turnout at or above it
 * @param unexcusedMonths    M2: this many distinct months with an unexcused absence are ground for removal
 * @param excellentShare     the cap: at most floor(share × n) EXCELLENT of the n rated GOOD or better in a unit
 * @param closingDays        B1 and B2: a record closed within this many days of its meeting is on time
 * @param seriousSeverities  M4 and B4: the severities of a serious finding
 */
public record Thresholds(BigDecimal attendanceTarget, int unexcusedMonths, BigDecimal excellentShare, int closingDays,
                         Set<String> seriousSeverities) {

    public Thresholds {
        seriousSeverities = Set.copyOf(seriousSeverities);
    }

    /** The service's defaults; dues are not required (dues-required false), so M2 judges absences only. */
    public static Thresholds defaults() {
        return new Thresholds(new BigDecimal("0.90"), 3, new BigDecimal("0.20"), 7, Set.of("SERIOUS"));
    }

    /** floor(share × n), exactly. */
    public int excellentAllowed(int goodOrBetter) {
        return excellentShare.multiply(BigDecimal.valueOf(goodOrBetter)).intValue();
    }

    /** {@code attendance at or above 90%}: the name of M3 and B3 as the README gives it. */
    String attendanceName() {
        return "attendance at or above " + attendanceTarget.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
