package org.chibo.evaluation;

import java.util.Set;

import org.chibo.evaluation.rating.RatingThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rating thresholds from configuration ({@code chibo.evaluation.rules.*}, commented in application.yml); defaults
 * from domain.md, "to confirm" against Quy định 124-QĐ/TW and its guidance. Read once at start-up.
 */
@ConfigurationProperties("chibo.evaluation.rules")
public record RatingSettings(@DefaultValue("0.90") double attendanceTarget,
                             @DefaultValue("3") int unexcusedAbsenceMonths,
                             @DefaultValue("false") boolean duesRequired,
                             @DefaultValue("3") int unpaidDuesMonths,
                             @DefaultValue("0.20") double excellentShare,
                             @DefaultValue("7") int closingDays,
                             @DefaultValue("SERIOUS") Set<String> seriousSeverities) {

    public RatingThresholds thresholds() {
        return new RatingThresholds(attendanceTarget, unexcusedAbsenceMonths, duesRequired, unpaidDuesMonths, excellentShare,
                closingDays, seriousSeverities);
    }
}
