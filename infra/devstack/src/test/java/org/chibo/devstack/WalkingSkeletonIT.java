package org.chibo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.chibo.devstack.GatewayClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system, end to end, through the gateway, with every service in its own JVM on a real Kafka broker and the
 * embedded store: a branch records meetings, inspection flags the low attendance (and tells the inspector watching the
 * feed at once), evaluation counts it. Then the things that go wrong in life: inspection crashes while an event is
 * waiting for it (the inspector reconnects and gets what was raised meanwhile), and the whole system restarts.
 *
 * <p>Every call carries a real token from the devstack's identity provider, each from the demo account whose job it
 * is ({@link DemoBranch}): the city admin imports the branch and its members, the branch secretary records and runs
 * the meetings, each member checks in as themselves, the district's inspector reads the findings and watches the feed.
 *
 * <p>Runs in the reactor's {@code ./mvnw verify} after every service has been packaged. Ports are random, so a
 * devstack running on the same machine is not disturbed.
 */
class WalkingSkeletonIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String R_G2 = "R-G2";

    @TempDir
    Path dataDir;

    @Test
    void lowAttendanceIsFlaggedOnceAndCountedAndSurvivesCrashesAndRestarts() throws Exception {
        Stack.Builder builder = TestStacks.builder(dataDir);

        Object branchId = DemoBranch.branchId();
        List<String> cards = DemoBranch.cardNumbers(10);
        Object firstMeeting;
        Object secondMeeting;
        try (Stack stack = builder.build();
             GatewayClient admin = new GatewayClient(stack.gatewayUrl(), stack.tokens(DemoBranch.ADMIN))) {
            stack.start();
            GatewayClient secretary = admin.as(stack.tokens(DemoBranch.SECRETARY));
            GatewayClient inspector = admin.as(stack.tokens(DemoBranch.INSPECTOR));

            Answer imported = admin.post("/api/v1/imports?firstLine=1", "application/x-ndjson", DemoBranch.importLines(cards));
            assertThat(imported.status()).as("%s", imported).isEqualTo(200);
            assertThat(imported.json().get("created", Document.class)).as("%s", imported)
                    .containsEntry("units", 4).containsEntry("members", 10);
            assertThat(admin.get("/api/v1/organisations/" + branchId).status()).isEqualTo(200);
            List<Object> members = new ArrayList<>(cards.stream().map(DemoBranch::memberId).toList());

            // an inspector watches the branch's feed before its first meeting is recorded
            String lastEventId;
            Recorded first;
            try (EventStream feed = openFeed(stack, branchId, null)) {
                // 8 of 10 present = 80%: under the 90% target (R-G2), over the 2/3 quorum (R-G1)
                first = recordMeeting(secretary, branchId, "2026-11-05", members, "PPPPPPPPEU");
                EventStream.Event finding = attendanceFinding(feed, first.id());
                Duration sinceSent = Duration.ofNanos(finding.arrivedNanos() - first.sentNanos());
                Duration sinceAnswered = Duration.ofNanos(finding.arrivedNanos() - first.answeredNanos());
                // where the time went: up to the rule engine raising the finding, and from there to the inspector
                Duration sinceRaised = Duration.between(java.time.Instant.parse(finding.data().getString("raisedAt")),
                        finding.arrivedAt());
                System.out.printf("feed latency: the R-G2 finding reached the inspector %d ms after the meeting's POST was"
                        + " sent, %d ms after its 201, %d ms after inspection raised it%n", sinceSent.toMillis(),
                        sinceAnswered.toMillis(), sinceRaised.toMillis());
                // measured, not asserted: only a generous bound
                assertThat(sinceSent).isLessThan(Duration.ofSeconds(10));
                lastEventId = finding.id();
            } // the inspector's connection drops
            firstMeeting = first.id();
            await("one R-G2 finding for the first meeting").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(attendanceFindings(inspector, branchId)).containsExactly(firstMeeting));
            await("the scorecard counts the meeting and its finding").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        Answer scorecard = secretary.get("/api/v1/scorecards/" + branchId + "?year=2026");
                        assertThat(scorecard.status()).as("%s", scorecard).isEqualTo(200);
                        assertThat(number(scorecard, "meetingsRecorded")).as("%s", scorecard).isEqualTo(1);
                        assertThat(number(scorecard, "openFindings")).as("%s", scorecard).isEqualTo(1);
                    });

            // inspection crashes; the next meeting's event waits in Kafka until it is back
            stack.kill("inspection");
            // 7 of 10 present = 70%, still above 2/3; another member absent without reason, so no member rule (R-M1) nears.
            // Another month than the first, and in the past: a meeting is recorded after it was held.
            secondMeeting = recordMeeting(secretary, branchId, "2026-10-08", members, "UPPPPPPPEE").id();
            stack.startService("inspection");
            await("one R-G2 finding per meeting after inspection's crash").atMost(EVENTUALLY)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(attendanceFindings(inspector, branchId))
                            .containsExactlyInAnyOrder(firstMeeting, secondMeeting));
            // the inspector reconnects where it stopped: the finding raised meanwhile, and nothing it had already
            try (EventStream feed = openFeed(stack, branchId, lastEventId)) {
                EventStream.Event missed = attendanceFinding(feed, secondMeeting);
                assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(lastEventId));
            }
            await("and no duplicate appears later").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(attendanceFindings(inspector, branchId))
                            .containsExactlyInAnyOrder(firstMeeting, secondMeeting));
            await("the scorecard counts both meetings and findings").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        Answer scorecard = secretary.get("/api/v1/scorecards/" + branchId + "?year=2026");
                        assertThat(number(scorecard, "meetingsRecorded")).as("%s", scorecard).isEqualTo(2);
                        assertThat(number(scorecard, "openFindings")).as("%s", scorecard).isEqualTo(2);
                    });

            // a meeting in the software from the calendar to its record, all through the gateway
            liveMeeting(stack, secretary, branchId, cards);
            await("the live meeting's record reaches evaluation").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(number(secretary.get("/api/v1/scorecards/" + branchId + "?year=" + today().getYear()),
                            "meetingsRecorded")).isGreaterThanOrEqualTo(1));
        }

        // the whole system stops and starts again on the same data directory: nothing is lost
        try (Stack stack = builder.build();
             GatewayClient admin = new GatewayClient(stack.gatewayUrl(), stack.tokens(DemoBranch.ADMIN))) {
            stack.start();
            GatewayClient inspector = admin.as(stack.tokens(DemoBranch.INSPECTOR));
            await("the branch is still there").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(admin.get("/api/v1/organisations/" + branchId).status()).isEqualTo(200));
            await("the findings are still there, and still one per meeting").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(attendanceFindings(inspector, branchId))
                            .containsExactlyInAnyOrder(firstMeeting, secondMeeting));
        }
    }

    /** A meeting the meeting service accepted, with when its accepted POST was sent and answered. */
    private record Recorded(Object id, long sentNanos, long answeredNanos) {
    }

    /**
     * The branch's feed through the gateway as the district's inspector, once inspection knows the branch (404 until
     * then).
     */
    private static EventStream openFeed(Stack stack, Object branchId, String lastEventId) throws Exception {
        java.net.URI url = stack.gatewayUrl().resolve("/api/v1/feed?organisationId=" + branchId);
        String token = stack.tokens(DemoBranch.INSPECTOR).token();
        EventStream[] open = new EventStream[1];
        await("the feed opens").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
            open[0] = EventStream.open(url, lastEventId, token);
            return open[0].status() == 200;
        });
        return open[0];
    }

    /**
     * Reads the feed up to its next R-G2 finding, which must be the meeting's (other rules' findings may come first);
     * fails after 20 s without an event.
     */
    private static EventStream.Event attendanceFinding(EventStream feed, Object meetingId) {
        while (true) {
            EventStream.Event event = feed.next(Duration.ofSeconds(20));
            assertThat(event).as("the R-G2 finding of meeting %s on the feed", meetingId).isNotNull();
            Document data = event.data();
            if ("chibo.inspection.finding-raised.v1".equals(event.name()) && R_G2.equals(data.getString("ruleId"))) {
                assertThat(data.get("meetingId")).as("the feed's next R-G2 finding").isEqualTo(meetingId);
                return event;
            }
        }
    }

    /**
     * Posts a meeting, retrying while the meeting service has not yet learnt the branch's members from Kafka.
     * {@code roll} has one letter per member, in order: P present, E absent excused, U absent unexcused.
     */
    private static Recorded recordMeeting(GatewayClient api, Object branchId, String heldOn, List<Object> members,
                                        String roll) {
        assertThat(roll).hasSize(members.size());
        List<Document> attendance = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Document entry = new Document("memberId", members.get(i));
            switch (roll.charAt(i)) {
                case 'P' -> entry.append("status", "PRESENT");
                case 'E' -> entry.append("status", "ABSENT_EXCUSED").append("reason", "Ốm");
                case 'U' -> entry.append("status", "ABSENT_UNEXCUSED").append("reason", "Không báo trước");
                default -> throw new IllegalArgumentException("roll letters are P, E, U: " + roll);
            }
            attendance.add(entry);
        }
        // complete minutes, signed on the day: attendance is the only rule this meeting may break
        List<Object> present = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (roll.charAt(i) == 'P') {
                present.add(members.get(i));
            }
        }
        Document minutes = new Document("chairId", present.get(0)).append("minuteTakerId", present.get(1))
                .append("contentItems", List.of("Thông tin thời sự")).append("conclusion", "Chi bộ thống nhất")
                .append("resolution", new Document("text", "Nghị quyết tháng").append("adopted", true))
                .append("signedByChair", true).append("signedByMinuteTaker", true);
        Document meeting = new Document("branchId", branchId).append("type", "REGULAR").append("heldOn", heldOn)
                .append("closedOn", heldOn).append("attendance", attendance).append("minutes", minutes)
                .append("vote", new Document("inFavour", present.size()).append("against", 0).append("abstained", 0));

        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        while (true) {
            long sent = System.nanoTime();
            Answer answer = api.post("/api/v1/meetings", meeting);
            if (answer.status() == 201) {
                return new Recorded(created(answer), sent, System.nanoTime());
            }
            assertThat(answer.status()).as("meeting %s: only 422 (roster not yet known) may be retried; got %s", heldOn, answer)
                    .isEqualTo(422);
            assertThat(System.nanoTime()).as("meeting %s still refused after %s: %s", heldOn, EVENTUALLY, answer)
                    .isLessThan(deadline);
            sleep(Duration.ofMillis(500));
        }
    }

    /** The meeting ids of the branch's R-G2 findings (other rules, e.g. about minutes, may fire too: not our subject). */
    private static List<Object> attendanceFindings(GatewayClient api, Object branchId) {
        Answer answer = api.get("/api/v1/findings?branchId=" + branchId);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json().getList("items", Document.class).stream()
                .filter(finding -> R_G2.equals(finding.get("ruleId")))
                .map(finding -> finding.get("meetingId"))
                .toList();
    }

    /**
     * The secretary schedules a meeting for today and opens it, every member checks in as themselves (their own token)
     * with the meeting's code, the secretary closes it with complete minutes; a check-in after the close is refused.
     */
    private static void liveMeeting(Stack stack, GatewayClient api, Object branchId, List<String> cards) {
        List<Object> members = new ArrayList<>(cards.stream().map(DemoBranch::memberId).toList());
        // extraordinary: the regular meetings above are dated, and a month holds one regular meeting
        Answer scheduled = api.post("/api/v1/meetings/schedule", new Document("branchId", branchId)
                .append("type", "EXTRAORDINARY").append("on", today().toString()).append("place", "Nhà văn hóa tổ dân phố 5"));
        Object id = created(scheduled);
        assertThat(scheduled.json().get("status")).isEqualTo("SCHEDULED");
        Answer opened = api.post("/api/v1/meetings/" + id + "/open", new Document());
        assertThat(opened.status()).as("%s", opened).isEqualTo(200);
        String code = opened.json().get("checkIn", Document.class).getString("code");
        for (String card : cards) {
            GatewayClient member = api.as(stack.tokens(card));
            Answer in = member.post("/api/v1/meetings/" + id + "/check-ins",
                    new Document("memberId", DemoBranch.memberId(card)).append("code", code));
            assertThat(in.status()).as("%s", in).isEqualTo(200);
        }
        Document minutes = new Document("chairId", members.get(0)).append("minuteTakerId", members.get(1))
                .append("contentItems", List.of("Thông tin thời sự", "Nhiệm vụ tháng tới")).append("conclusion", "Chi bộ thống nhất")
                .append("resolution", new Document("text", "Nghị quyết").append("adopted", true)
                        .append("tasks", List.of(new Document("memberId", members.get(2)).append("description", "Thu đảng phí"))))
                .append("signedByChair", true).append("signedByMinuteTaker", true);
        Answer closed = api.post("/api/v1/meetings/" + id + "/close", new Document("minutes", minutes)
                .append("vote", new Document("inFavour", members.size()).append("against", 0).append("abstained", 0)));
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);
        assertThat(closed.json().get("status")).isEqualTo("RECORDED");
        assertThat(closed.json().getList("missingParts", Object.class)).isEmpty();
        Answer late = api.as(stack.tokens(cards.get(0))).post("/api/v1/meetings/" + id + "/check-ins",
                new Document("memberId", members.get(0)).append("code", code));
        assertThat(late.status()).as("check-in after close: %s", late).isEqualTo(409);
    }

    private static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private static Object created(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().get("id")).as("%s", answer).isNotNull();
        return answer.json().get("id");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int number(Answer answer, String field) {
        Object value = answer.json().get(field);
        assertThat(value).as("%s in %s", field, answer).isInstanceOf(Number.class);
        return ((Number) value).intValue();
    }
}
