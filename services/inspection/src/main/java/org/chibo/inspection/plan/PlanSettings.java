package org.chibo.inspection.plan;

import java.util.Map;

import org.chibo.inspection.rules.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How annual inspection plans are drawn ({@code chibo.inspection.plans.*}, commented in application.yml).
 *
 * @param riskCount   branches chosen by risk when a request does not say
 * @param randomCount branches chosen at random among the rest when a request does not say
 * @param weights     what a finding of each severity adds to a branch's risk score
 */
@ConfigurationProperties("chibo.inspection.plans")
public record PlanSettings(@DefaultValue("5") int riskCount,
                           @DefaultValue("5") int randomCount,
                           Map<Severity, Integer> weights) {

    public PlanSettings {
        if (weights == null || weights.isEmpty()) {
            weights = Map.of(Severity.LOW, 1, Severity.MEDIUM, 2, Severity.HIGH, 4, Severity.SERIOUS, 8);
        }
    }

    int weightOf(Severity severity) {
        return weights.getOrDefault(severity, 0);
    }
}
