package org.chibo.citysim.ratings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chibo.citysim.Member;
import org.chibo.citysim.Unit;
import org.chibo.citysim.UnitKind;
import org.chibo.citysim.meetings.BranchYear;
import org.chibo.citysim.meetings.CityRolls;
import org.chibo.citysim.meetings.Finding;
import org.chibo.citysim.meetings.GeneratedMeeting;
import org.chibo.citysim.meetings.MeetingType;
import org.chibo.citysim.meetings.MeetingYearGenerator;
import org.chibo.citysim.meetings.Severities;

/**
 * The final rating of every member and branch for a generated city year, read from what the generator knows — the
 * rolls, the meetings with their rosters, exemptions and resolution tasks, and the ground truth's findings — by the
 * evaluation README's rule set (sections 1–5), written from the README alone: it shares no code with the evaluation
 * service, so the two agreeing is a second reading agreeing with the first.
 *
 * <p>The findings are read generically: each one is an open finding (nobody acts on the truth's findings) filed on its
 * branch in the year it occurred, serious when its rule's severity ({@link Severities}) is one of the serious ones,
 * naming its member when it has one. A rule added to the truth is rated without a change here.
 *
 * <p>Fed a branch year at a time ({@link #add}), so the whole city's year is never in memory; then {@link #ratings()}.
 */
public final class RatingOracle {

    private final CityRolls city;
    private final int year;
    private final Thresholds t;
    private final Ids ids;
    private final Map<String, MemberFigures> members = new LinkedHashMap<>();
    private final Map<String, BranchFigures> branches = new LinkedHashMap<>();
    private int meetings;
    private int findings;

    public RatingOracle(CityRolls city, int year, Thresholds thresholds, Ids ids) {
        this.city = city;
        this.year = year;
        this.t = thresholds;
        this.ids = ids;
        for (CityRolls.BranchRolls b : city.branches()) {
            branches.put(b.code(), new BranchFigures());
            for (Member m : b.members()) {
                members.put(m.cardNumber(), new MemberFigures());
            }
        }
    }

    /** The oracle of a whole generated year: every branch year generated (again) and added. */
    public static RatingOracle of(MeetingYearGenerator generated, Thresholds thresholds, Ids ids) {
        RatingOracle oracle = new RatingOracle(generated.city(), generated.year(), thresholds, ids);
        Iterator<BranchYear> years = generated.branchYears();
        while (years.hasNext()) {
            oracle.add(years.next());
        }
        return oracle;
    }

    /** A branch's meetings and the truth's findings for it. */
    public void add(BranchYear branchYear) {
        branchYear.meetings().forEach(this::meeting);
        branchYear.findings().forEach(this::finding);
    }

    /** One meeting (README section 1): filed on its branch, counted for every member its roster lists not exempt. */
    public void meeting(GeneratedMeeting m) {
        String period = fulfils(m);
        if (ratingYear(period, m.heldOn()) != year) {
            return;
        }
        BranchFigures branch = branches.get(m.branchCode());
        meetings += branch == null ? 0 : 1;
        for (GeneratedMeeting.Attendee line : m.attendance()) {
            MemberFigures member = members.get(line.cardNumber());
            if (member != null) {
                member.attended(line, m);
            }
            if (branch != null && !line.exempt()) {
                branch.counted(line.status() == GeneratedMeeting.Presence.PRESENT);
            }
        }
        if (m.minutes() != null && m.minutes().resolution() != null) {
            for (GeneratedMeeting.Task task : m.minutes().resolution().tasks()) {
                MemberFigures member = members.get(task.cardNumber());
                if (member != null) {
                    member.task();
                }
            }
        }
        if (branch != null && period != null) {
            branch.fulfils(period, !m.closedOn().isAfter(m.heldOn().plusDays(t.closingDays())));
        }
    }

    /** One finding of the truth: open, filed on its branch in the year it occurred, naming its member if any. */
    public void finding(Finding f) {
        if (occurredIn(f) != year) {
            return;
        }
        boolean serious = t.seriousSeverities().contains(Severities.of(f));
        String name = findingName(f);
        BranchFigures branch = branches.get(f.branchCode());
        if (branch != null) {
            findings++;
            branch.openFinding(serious, name);
        }
        MemberFigures member = f.cardNumber() == null ? null : members.get(f.cardNumber());
        if (member != null && serious) {
            member.openSerious(name);
        }
    }

    /** The meetings of the year filed on the city's branches: what evaluation's record of them must count. */
    public int meetings() {
        return meetings;
    }

    /** The truth's findings of the year filed on the city's branches, every one open. */
    public int findings() {
        return findings;
    }

    /** Every rated member's and branch's final rating: members first (city order), then branches. */
    public List<ExpectedRating> ratings() {
        List<ExpectedRating> all = new ArrayList<>(memberRatings());
        all.addAll(branchRatings());
        return all;
    }

    private List<ExpectedRating> memberRatings() {
        MemberCriteria rules = new MemberCriteria(t, year);
        Map<String, List<ExcellenceCap.Candidate>> units = new LinkedHashMap<>();
        LocalDate end = LocalDate.of(year, 12, 31);
        for (CityRolls.BranchRolls b : city.branches()) {
            String unitId = ids.branch(b.code());
            for (Member m : b.members()) {
                // rated when on the rolls by 31 December; the generated city holds nobody who left
                if (m.admittedOn().isAfter(end)) {
                    continue;
                }
                MemberFigures figures = members.get(m.cardNumber());
                ExpectedRating ceiling = ceiling(ExpectedRating.SubjectType.MEMBER, ids.member(m.cardNumber()),
                        m.cardNumber(), unitId, rules.of(figures));
                units.computeIfAbsent(unitId, u -> new ArrayList<>())
                        .add(new ExcellenceCap.Candidate(ceiling, figures.turnout(), figures.excused()));
            }
        }
        return capped(units);
    }

    private List<ExpectedRating> branchRatings() {
        BranchCriteria rules = new BranchCriteria(t, year);
        Map<String, List<ExcellenceCap.Candidate>> units = new LinkedHashMap<>();
        for (CityRolls.BranchRolls b : city.branches()) {
            String unitId = ids.unit(ratingUnitCode(city, b.code()));
            BranchFigures figures = branches.get(b.code());
            ExpectedRating ceiling = ceiling(ExpectedRating.SubjectType.BRANCH, ids.branch(b.code()), b.code(), unitId,
                    rules.of(figures));
            units.computeIfAbsent(unitId, u -> new ArrayList<>())
                    .add(new ExcellenceCap.Candidate(ceiling, figures.turnout(), figures.openFindings()));
        }
        return capped(units);
    }

    private List<ExpectedRating> capped(Map<String, List<ExcellenceCap.Candidate>> units) {
        ExcellenceCap cap = new ExcellenceCap(t);
        List<ExpectedRating> rated = new ArrayList<>();
        units.forEach((unitId, candidates) -> rated.addAll(cap.apply(unitId, candidates)));
        return rated;
    }

    /** EXCELLENT lowered by every criterion not met; the lowest wins. */
    private static ExpectedRating ceiling(ExpectedRating.SubjectType type, String id, String label, String unitId,
                                          List<ExpectedCriterion> criteria) {
        Level level = Level.EXCELLENT;
        for (ExpectedCriterion c : criteria) {
            level = c.met() ? level : level.atMost(c.lowersTo());
        }
        return new ExpectedRating(type, id, label, unitId, level, criteria);
    }

    /**
     * The code of the committee that rates a branch: its grassroots committee (through a partial committee if there is
     * one); for a grassroots branch, its direct committee.
     */
    public static String ratingUnitCode(CityRolls city, String branchCode) {
        Unit unit = city.unit(branchCode);
        if (unit.kind() == UnitKind.GRASSROOTS_BRANCH) {
            return unit.parentCode();
        }
        while (unit != null && unit.kind() != UnitKind.GRASSROOTS_COMMITTEE) {
            unit = unit.parentCode() == null ? null : city.unit(unit.parentCode());
        }
        if (unit == null) {
            throw new IllegalArgumentException("branch " + branchCode + " is under no grassroots committee");
        }
        return unit.code();
    }

    /**
     * The period a meeting fulfils: a regular meeting of the branch its month, a thematic one its quarter, by its
     * {@code period} when it reads so, otherwise by {@code heldOn}; any other meeting none.
     */
    static String fulfils(GeneratedMeeting m) {
        String p = m.period();
        // every generated meeting is of scope BRANCH (GeneratedMeeting.SCOPE): a party cell's regular one would fulfil none
        if (m.type() == MeetingType.REGULAR && "BRANCH".equals(GeneratedMeeting.SCOPE)) {
            return p != null && p.matches("\\d{4}-\\d{2}") ? p : m.heldOn().toString().substring(0, 7);
        }
        if (m.type() == MeetingType.THEMATIC) {
            return p != null && p.matches("\\d{4}-Q[1-4]") ? p
                    : m.heldOn().getYear() + "-Q" + ((m.heldOn().getMonthValue() + 2) / 3);
        }
        return null;
    }

    private static int ratingYear(String period, LocalDate heldOn) {
        return period == null ? heldOn.getYear() : Integer.parseInt(period.substring(0, 4));
    }

    /** The year of the day a finding is about: its meeting's day, else the year its period names. */
    private static int occurredIn(Finding f) {
        return f.heldOn() != null ? f.heldOn().getYear() : Integer.parseInt(f.period().substring(0, 4));
    }

    /**
     * How the platform names a finding (inspection README, "finding id"): {@code R-M3:<memberId>:<year>} for one about
     * a member, {@code R-P1:<branchId>:<period>} for a period; a meeting's finding by its rule alone (the meeting's id
     * is the platform's, not known here).
     */
    String findingName(Finding f) {
        if (f.cardNumber() != null) {
            return f.rule() + ":" + ids.member(f.cardNumber()) + (f.period() == null ? "" : ":" + f.period());
        }
        if (f.heldOn() == null && f.period() != null) {
            return f.rule() + ":" + ids.branch(f.branchCode()) + ":" + f.period();
        }
        return f.rule() + ":";
    }
}
