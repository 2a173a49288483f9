package org.chibo.citysim.meetings;

import java.util.Map;

/**
 * The severity inspection gives each rule's findings (the inspection README's rule table), so that a reader of the
 * ground truth — the ratings oracle — can take its findings by severity rather than by rule: a rule added to the truth
 * is read the same way once its severity is here, and a rule not here is an open finding of no known severity (it
 * counts as a finding, never as a serious one).
 */
public final class Severities {

    public static final String SERIOUS = "SERIOUS";
    public static final String UNKNOWN = "UNKNOWN";

    private static final Map<String, String> BY_RULE = Map.ofEntries(
            Map.entry("R-P1", "HIGH"), Map.entry("R-P2", "MEDIUM"),
            Map.entry("R-G1", "HIGH"), Map.entry("R-G2", "MEDIUM"), Map.entry("R-G3", "HIGH"), Map.entry("R-G4", "HIGH"),
            Map.entry("R-G5", "MEDIUM"), Map.entry("R-G6", "LOW"), Map.entry("R-G7", "LOW"), Map.entry("R-G9", "MEDIUM"),
            Map.entry("R-M1", "HIGH"), Map.entry("R-M3", SERIOUS), Map.entry("R-M4", "HIGH"), Map.entry("R-M5", "MEDIUM"));

    private Severities() {
    }

    /** The severity of a finding of {@code rule}, {@link #UNKNOWN} for a rule inspection does not list. */
    public static String of(String rule) {
        return BY_RULE.getOrDefault(rule, UNKNOWN);
    }

    public static String of(Finding finding) {
        return of(finding.rule());
    }
}
