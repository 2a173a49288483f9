package org.chibo.citysim.meetings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How often each anomaly is injected: a share of branch-months, branch-quarters, meetings or members (see
 * {@link Anomaly}). Written and read as {@code R-P1=0.01,R-G2=0.02,…}, keyed by the rule the anomaly trips.
 */
public record AnomalyShares(Map<Anomaly, Double> shares) {

    public AnomalyShares {
        EnumMap<Anomaly, Double> all = new EnumMap<>(Anomaly.class);
        for (Anomaly a : Anomaly.values()) {
            double share = shares.getOrDefault(a, a.defaultShare);
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException(a.rule + " share must be between 0 and 1, not " + share);
            }
            all.put(a, share);
        }
        double perMeeting = 0;
        for (Anomaly a : Anomaly.PER_MEETING) {
            perMeeting += all.get(a);
        }
        if (perMeeting > 1) {
            throw new IllegalArgumentException("the per-meeting shares (R-G1, R-G2, R-G3, R-G5, R-G6, R-G7) add up to more than 1");
        }
        shares = Collections.unmodifiableMap(all);
    }

    public static AnomalyShares defaults() {
        return new AnomalyShares(Map.of());
    }

    /** None at all: an orderly year, for tests of the generator's normal behaviour. */
    public static AnomalyShares none() {
        EnumMap<Anomaly, Double> zero = new EnumMap<>(Anomaly.class);
        for (Anomaly a : Anomaly.values()) {
            zero.put(a, 0.0);
        }
        return new AnomalyShares(zero);
    }

    /** {@code R-G2=0.05,R-M1=0} over the defaults; an unknown rule or a share outside 0…1 is refused. */
    public static AnomalyShares parse(String text) {
        EnumMap<Anomaly, Double> given = new EnumMap<>(Anomaly.class);
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected RULE=SHARE, not " + part.strip());
            }
            Anomaly a = Anomaly.byRule(part.substring(0, eq).strip());
            try {
                given.put(a, Double.parseDouble(part.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the share of " + a.rule + " must be a number, not " + part.substring(eq + 1).strip());
            }
        }
        return new AnomalyShares(given);
    }

    public double of(Anomaly a) {
        return shares.get(a);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        shares.forEach((a, s) -> j.add(a.rule + "=" + String.format(Locale.ROOT, "%s", s)));
        return j.toString();
    }
}
