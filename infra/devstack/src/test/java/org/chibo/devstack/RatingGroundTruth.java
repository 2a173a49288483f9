package org.chibo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.chibo.citysim.auth.TokenSource;
import org.chibo.citysim.meetings.MeetingYearGenerator;
import org.chibo.citysim.meetings.MeetingYearLoader;
import org.chibo.citysim.meetings.PlatformIds;
import org.chibo.citysim.ratings.RatingCheck;
import org.chibo.citysim.ratings.RatingCheckReport;
import org.chibo.citysim.ratings.Thresholds;

/**
 * The ratings of a simulated year through the real pipeline (issue 6's done-when): once the year's findings are
 * raised, evaluation is let catch up with every record (meetings, findings, the register), the rating year is closed
 * through the gateway as the city admin, and every member's and branch's final rating is compared with what the
 * year's ground truth implies (citysim's {@code RatingOracle}): all equal, the cap holding in every unit (counted from
 * the platform's answer), every criterion's evidence naming the oracle's. A second close answers the first one's
 * figures and changes no rating.
 */
final class RatingGroundTruth {

    private RatingGroundTruth() {
    }

    static void closeAndCheck(KafkaProgress kafka, URI gateway, TokenSource admin, MeetingYearGenerator year,
                              PlatformIds ids, int findingsRaised) throws Exception {
        kafka.awaitPublished("inspection.findings", "chibo.inspection.finding-raised.v1", findingsRaised);
        kafka.awaitConsumed("evaluation", "membership.events", "meeting.events", "inspection.findings");

        try (RatingCheck check = new RatingCheck(MeetingYearLoader.Options.defaults(gateway).withTokens(admin), System.out)) {
            RatingCheck.Outcome first = check.run(year, ids, true, Thresholds.defaults(), 20);
            RatingCheckReport report = first.report();
            assertThat(first.closed().ok()).as("the rating year closed").isTrue();
            assertThat(first.closed().alreadyClosed()).isFalse();
            assertThat(report.exact()).as("the ratings against what the ground truth implies (see the report above)").isTrue();
            assertThat(first.closed().membersRated()).isEqualTo(report.expected().get("MEMBER"));
            assertThat(first.closed().branchesRated()).isEqualTo(report.expected().get("BRANCH"))
                    .isEqualTo(year.city().branches().size());
            assertThat(report.equal()).isEqualTo(report.expected().get("MEMBER") + report.expected().get("BRANCH"));

            RatingCheck.Outcome again = check.run(year, ids, true, Thresholds.defaults(), 20);
            assertThat(again.closed().alreadyClosed()).isTrue();
            assertThat(again.closed().membersRated()).isEqualTo(first.closed().membersRated());
            assertThat(again.report().exact()).isTrue();
        }
    }
}
