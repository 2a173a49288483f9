package org.chibo.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A second reading of the rule set, written from the README alone (sections 3–5) and sharing no code with the service:
 * what a generated year implies each member and branch is proposed. The benchmark compares every rating with it.
 */
final class ReadmeOracle {

    /** What the generator knows of a member's year. */
    static final class MemberTruth {
        final String id;
        final String branch;
        long present;
        long expected;
        int excused;
        int unexcused;
        final Set<Integer> unexcusedMonths = new HashSet<>();
        boolean disciplined;
        boolean openSeriousFinding;

        MemberTruth(String id, String branch) {
            this.id = id;
            this.branch = branch;
        }
    }

    /** What the generator knows of a branch's year. */
    static final class BranchTruth {
        final String id;
        final String unit;
        long present;
        long expected;
        final Set<String> periodsOnTime = new HashSet<>();
        int openSeriousFindings;
        boolean disciplinedMember;

        BranchTruth(String id, String unit) {
            this.id = id;
            this.unit = unit;
        }
    }

    private record Subject(String id, String unit, String ceiling, long present, long expected, int blemishes) {
    }

    final Map<String, MemberTruth> members = new HashMap<>();
    final Map<String, BranchTruth> branches = new HashMap<>();

    /** subjectType:id → the proposed rating the README implies. */
    Map<String, String> expected(int year) {
        List<Subject> memberSubjects = new ArrayList<>();
        for (MemberTruth m : members.values()) {
            String ceiling;
            if (m.disciplined || m.unexcusedMonths.size() >= 3) {
                ceiling = "NOT_COMPLETED";
            } else if (!atTarget(m.present, m.expected) || m.openSeriousFinding) {
                ceiling = "COMPLETED";
            } else if (m.unexcused > 0 || m.expected == 0) {
                ceiling = "GOOD";
            } else {
                ceiling = "EXCELLENT";
            }
            memberSubjects.add(new Subject(m.id, m.branch, ceiling, m.present, m.expected, m.excused));
        }
        List<Subject> branchSubjects = new ArrayList<>();
        for (BranchTruth b : branches.values()) {
            boolean allOnTime = true;
            for (int month = 1; month <= 12; month++) {
                allOnTime &= b.periodsOnTime.contains("%d-%02d".formatted(year, month));
            }
            for (int q = 1; q <= 4; q++) {
                allOnTime &= b.periodsOnTime.contains(year + "-Q" + q);
            }
            String ceiling = !allOnTime || !atTarget(b.present, b.expected) || b.openSeriousFindings > 0 ? "COMPLETED"
                    : b.disciplinedMember ? "GOOD" : "EXCELLENT";
            branchSubjects.add(new Subject(b.id, b.unit, ceiling, b.present, b.expected, b.openSeriousFindings));
        }
        Map<String, String> ratings = new HashMap<>();
        capped(memberSubjects).forEach((id, r) -> ratings.put("MEMBER:" + id, r));
        capped(branchSubjects).forEach((id, r) -> ratings.put("BRANCH:" + id, r));
        return ratings;
    }

    private static boolean atTarget(long present, long expected) {
        return expected == 0 || (double) present / expected + 1e-9 >= 0.90;
    }

    /** floor(20% of GOOD or better) EXCELLENT per unit: higher turnout, fewer blemishes, lower id first. */
    private static Map<String, String> capped(List<Subject> subjects) {
        Map<String, List<Subject>> units = new HashMap<>();
        subjects.forEach(s -> units.computeIfAbsent(s.unit(), u -> new ArrayList<>()).add(s));
        Map<String, String> ratings = new HashMap<>();
        // turnout as a fraction, nothing expected counting as 1/1; higher first
        Comparator<Subject> ranking = (x, y) -> Long.compare(
                (y.expected() == 0 ? 1 : y.present()) * (x.expected() == 0 ? 1 : x.expected()),
                (x.expected() == 0 ? 1 : x.present()) * (y.expected() == 0 ? 1 : y.expected()));
        ranking = ranking.thenComparingInt(Subject::blemishes).thenComparing(Subject::id);
        for (List<Subject> unit : units.values()) {
            long goodOrBetter = unit.stream().filter(s -> s.ceiling().equals("GOOD") || s.ceiling().equals("EXCELLENT")).count();
            long allowed = (long) Math.floor(0.20 * goodOrBetter + 1e-9);
            List<Subject> eligible = unit.stream().filter(s -> s.ceiling().equals("EXCELLENT")).sorted(ranking).toList();
            for (Subject s : unit) {
                ratings.put(s.id(), s.ceiling().equals("EXCELLENT") && eligible.indexOf(s) >= allowed ? "GOOD" : s.ceiling());
            }
        }
        return ratings;
    }
}
