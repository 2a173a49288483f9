package org.chibo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.chibo.citysim.CityLoader;
import org.chibo.citysim.CityProfile;
import org.chibo.citysim.CitySim;
import org.chibo.citysim.auth.TokenSource;
import org.chibo.citysim.meetings.AnomalyShares;
import org.chibo.citysim.meetings.CityRolls;
import org.chibo.citysim.meetings.Finding;
import org.chibo.citysim.meetings.MeetingYearGenerator;
import org.chibo.citysim.meetings.MeetingYearLoader;
import org.chibo.citysim.meetings.YearCheck;
import org.chibo.citysim.meetings.YearCheckReport;
import org.chibo.citysim.meetings.YearLoadReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inspection against the ground truth of a simulated year, end to end: the demo city's first branches loaded through
 * the gateway, their 2025 recorded meeting by meeting, inspection killed a third of the way through the meetings and
 * started again while the rest arrive, the year's dues recorded sheet by sheet, the year's months and quarters closed, and every finding read back: they must
 * be exactly the ground truth's, nothing missed and nothing extra. The truth is computed without the platform (and an
 * independent oracle reproduces it, see citysim), so a disturbed run equal to it is equal to an undisturbed one.
 * Closing the year again and reading the findings again must change nothing.
 */
class InspectionGroundTruthIT {

    /** The city's first 80 branches: about 1,280 meetings, and every rule the ground truth holds (R-M1 four times, R-M2 too). */
    private static final int BRANCHES = 80;
    private static final long SEED = 42;
    private static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);
    private static final int YEAR = 2025;
    private static final List<String> RULES = List.of("R-P1", "R-P2", "R-G1", "R-G2", "R-G3", "R-G5", "R-G6", "R-G7", "R-G8",
            "R-M1", "R-M2", "R-M3");

    @TempDir
    Path dataDir;

    @Test
    void theFindingsOfAYearEqualItsGroundTruthThoughInspectionWasKilledPartWay() throws Exception {
        try (Stack stack = TestStacks.builder(dataDir).build(); KafkaProgress kafka = new KafkaProgress(stack.kafkaBootstrap())) {
            stack.start();
            URI gateway = stack.gatewayUrl();
            CityProfile profile = CityProfile.bundled();
            // the city admin of the identity provider's demo accounts: imports, meetings of every branch, period closes
            TokenSource admin = stack.tokens("admin");
            CitySim.Result city = CitySim.generateAndLoad(profile, SEED, REFERENCE_DATE, BRANCHES,
                    CityLoader.Options.defaults(gateway).withTokens(admin), null, System.out);
            assertThat(city.allMatch()).as("the reduced city's figures in the platform").isTrue();

            MeetingYearGenerator year = new MeetingYearGenerator(
                    CityRolls.generate(profile, SEED, REFERENCE_DATE).firstBranches(BRANCHES), SEED, YEAR, REFERENCE_DATE,
                    AnomalyShares.defaults());
            InspectionCrash crash = new InspectionCrash(stack, kafka, city.generated().members(), year.exemptions().size());
            MeetingYearLoader loader = new MeetingYearLoader(MeetingYearLoader.Options.defaults(gateway).withListener(crash)
                    .withTokens(admin), System.out);
            YearLoadReport load;
            List<Finding> truth;
            try (MeetingYearGenerator.YearFiles files = year.files(OutputStream.nullOutputStream(), OutputStream.nullOutputStream())) {
                load = loader.load(year, files);
                truth = files.findings();
            }
            crash.awaitRestarted();
            assertThat(load.ok()).as("every meeting of the year recorded: %s", load).isTrue();
            assertThat(crash.killedAfter()).as("meetings answered when inspection was killed")
                    .isBetween(load.meetings() / 4, load.meetings() / 2);
            assertThat(truth.stream().map(Finding::rule).distinct()).containsExactlyInAnyOrderElementsOf(RULES);

            // every meeting's and payment's event is on its topic, and inspection has handled everything there before a
            // period closes (a month closed before its payments arrived would raise R-M2 that they then resolve)
            kafka.awaitPublished("meeting.events", "chibo.meeting.recorded.v1", load.recorded());
            kafka.awaitPublished("membership.events", "chibo.membership.dues-paid.v1", load.duesRecorded());
            kafka.awaitConsumed("inspection", "meeting.events", "membership.events");

            try (YearCheck check = new YearCheck(MeetingYearLoader.Options.defaults(gateway).withTokens(admin), System.out)) {
                List<YearCheck.Closed> closed = check.closeYear(YEAR);
                assertThat(closed).hasSize(16).allMatch(YearCheck.Closed::ok).noneMatch(YearCheck.Closed::alreadyClosed)
                        .allMatch(c -> c.branchesChecked() == BRANCHES);
                YearCheckReport first = check.compare("HP", loader.ids(), truth);
                assertThat(first.exact()).as("the findings against the ground truth (see the table above)").isTrue();
                assertThat(first.matched().keySet()).containsExactlyInAnyOrderElementsOf(RULES);
                assertThat(first.statuses()).containsOnlyKeys("OPEN");

                // closed again: each period answers its first close, and nothing is raised or counted twice
                assertThat(check.closeYear(YEAR)).allMatch(YearCheck.Closed::alreadyClosed)
                        .extracting(YearCheck.Closed::findingsRaised)
                        .containsExactlyElementsOf(closed.stream().map(YearCheck.Closed::findingsRaised).toList());
                YearCheckReport second = check.compare("HP", loader.ids(), truth);
                assertThat(second.exact()).isTrue();
                assertThat(second.findingIds()).isEqualTo(first.findingIds());
            }

            // the year's ratings: closed through the gateway, every one as the ground truth implies
            RatingGroundTruth.closeAndCheck(kafka, gateway, admin, year, loader.ids(), truth.size());
        }
    }

    /**
     * Before the meetings: waits until the meeting service has every member and exemption (it refuses or misjudges a
     * meeting whose roster it has not yet heard of). During them: kills inspection (SIGKILL, as in a crash) once a
     * third of the meetings have their answer, and starts it again at half way, on a thread of its own so the load
     * goes on while it starts.
     */
    private static final class InspectionCrash implements MeetingYearLoader.Listener {
        private final Stack stack;
        private final KafkaProgress kafka;
        private final int members;
        private final int exemptions;
        private final AtomicInteger killedAfter = new AtomicInteger(-1);
        private volatile Thread restart;
        private volatile RuntimeException restartFailed;

        InspectionCrash(Stack stack, KafkaProgress kafka, int members, int exemptions) {
            this.stack = stack;
            this.kafka = kafka;
            this.members = members;
            this.exemptions = exemptions;
        }

        @Override
        public void beforeMeetings() {
            kafka.awaitMembersAnnounced(members);
            kafka.awaitPublished("membership.events", "chibo.membership.member-exempted.v1", exemptions);
            kafka.awaitConsumed("meeting", "membership.events");
        }

        @Override
        public synchronized void meetingsDone(int done, int total) {
            if (done >= total / 3 && killedAfter.get() < 0) {
                stack.kill("inspection");
                killedAfter.set(done);
            }
            if (done >= total / 2 && restart == null) {
                restart = Thread.ofPlatform().name("restart-inspection").start(() -> {
                    try {
                        stack.startService("inspection");
                    } catch (RuntimeException e) {
                        restartFailed = e;
                    }
                });
            }
        }

        void awaitRestarted() throws InterruptedException {
            assertThat(restart).as("inspection was started again").isNotNull();
            restart.join();
            if (restartFailed != null) {
                throw restartFailed;
            }
        }

        int killedAfter() {
            return killedAfter.get();
        }
    }
}
