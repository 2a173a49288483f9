package org.chibo.inspection.rules;

/**
 * What a finding says about the rule that raised it.
 *
 * @param id         {@code R-…}, as in the rules table of domain.md
 * @param version    raised when the logic changes, so a finding says which reading of the rule produced it; a threshold
 *                   from configuration is in each finding's evidence instead
 * @param legalBasis the document the rule comes from
 */
public record Rule(String id, int version, Severity severity, String legalBasis) {

    /**
     * The id of this rule's finding about {@code subject} (a meeting; a branch and period; a member and year):
     * derived, never generated, so judging the same thing twice lands on the same finding.
     */
    public String findingId(String... subject) {
        return id + ":" + String.join(":", subject);
    }
}
