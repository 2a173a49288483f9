package org.chibo.citysim.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Moves a few of a branch's meetings online, with the restricted matters (nội dung mật / nhân sự) they handled: R-G8
 * where an ONLINE or HYBRID meeting handled a matter 03-HD/TW keeps off online meetings, and near misses that are
 * no finding — online with no restricted matter or only ones not excluded, in person with an excluded one. A branch
 * holding any meeting online is approved for online meetings from the first day of the year. Draws the same number
 * of values for every meeting, from a stream of its own, so the rest of the year is the same with or without it.
 */
final class OnlinePlanner {

    /** What inspection keeps off online meetings by default ({@code online-excluded-matters}), in the evidence's order. */
    static final List<String> EXCLUDED = List.of("PERSONNEL", "STATE_SECRET");
    static final List<String> NOT_EXCLUDED = List.of("DISCIPLINE", "OTHER_CONFIDENTIAL");

    /**
     * @param meetings   the branch's meetings, a few of them now online or with restricted matters
     * @param onlineFrom the day the branch is approved for online meetings from, null when it holds none
     */
    record Plan(List<GeneratedMeeting> meetings, List<Finding> findings, LocalDate onlineFrom) {
    }

    private OnlinePlanner() {
    }

    static Plan plan(List<GeneratedMeeting> meetings, double share, int year, SplittableRandom random) {
        List<GeneratedMeeting> planned = new ArrayList<>(meetings.size());
        List<Finding> findings = new ArrayList<>();
        boolean online = false;
        for (GeneratedMeeting m : meetings) {
            double draw = random.nextDouble();
            String mode = random.nextBoolean() ? "ONLINE" : "HYBRID";
            int detail = random.nextInt(6);
            GeneratedMeeting held = m;
            if (draw < share) {
                // one or both excluded matters, sometimes beside one that is not excluded
                List<String> excluded = detail % 3 == 2 ? EXCLUDED : List.of(EXCLUDED.get(detail % 3));
                TreeSet<String> matters = new TreeSet<>(excluded);
                if (detail >= 3) {
                    matters.add(NOT_EXCLUDED.get(detail % 2));
                }
                held = m.held(mode, List.copyOf(matters));
                findings.add(Finding.ofMeeting(Anomaly.ONLINE_RESTRICTED.rule, held, Finding.figures("restrictedMatters", excluded)));
            } else if (draw < 2 * share) {
                held = m.held(mode, detail < 2 ? List.of(NOT_EXCLUDED.get(detail)) : List.of());
            } else if (draw < 3 * share) {
                held = m.held(GeneratedMeeting.MODE, List.of(EXCLUDED.get(detail % 2)));
            }
            online |= held.online();
            planned.add(held);
        }
        return new Plan(planned, findings, online ? LocalDate.of(year, 1, 1) : null);
    }
}
