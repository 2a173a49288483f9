package org.chibo.citysim.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.chibo.citysim.BranchKind;

/**
 * Generates one branch's year: plans its calendar, drops the missed months and quarters, gives some meetings an
 * anomaly and some members an absence streak, then writes every meeting (attendance, vote, minutes, times, closing
 * date), moves a few meetings online with restricted matters, plans the dues (some members in arrears) and lists the findings exactly for what it injected. Everything it does not inject is kept clean by
 * construction: attendance ≥ 90 %, official members present > 2/3, the vote carried by more than half, at least
 * 90 minutes, minutes complete and signed within 3 days, no member absent without reason in a third month.
 */
final class BranchYearGenerator {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** R-G7 is about lateness only: a late record is still closed within the grace R-P1 and R-P2 allow (+ 7 days). */
    static final int GRACE_DAYS = 7;
    static final int LATE_AFTER_DAYS = 7;
    static final int MIN_MINUTES = 90;
    /** Minutes a meeting starts after (or before) the branch's usual hour: mostly on time. */
    private static final int[] START_JITTER = {0, 0, 0, 0, 15, -15, 30};

    private final int year;
    private final LocalDate referenceDate;
    private final long seed;
    private final AnomalyShares shares;
    private final MeetingCalendar calendar;

    BranchYearGenerator(long seed, int year, LocalDate referenceDate, AnomalyShares shares) {
        this.seed = seed;
        this.year = year;
        this.referenceDate = referenceDate;
        this.shares = shares;
        this.calendar = new MeetingCalendar(year);
    }

    /** The meetings the branch holds: its calendar less the months and quarters it misses. */
    List<MeetingCalendar.Slot> heldSlots(CityRolls.BranchRolls branch, BranchStreams streams, List<Finding> missed) {
        List<MeetingCalendar.Slot> slots = calendar.plan(branch.unit(), streams.calendar());
        Set<Integer> thematicMonths = new HashSet<>();
        slots.stream().filter(s -> s.type() == MeetingType.THEMATIC).forEach(s -> thematicMonths.add(s.month()));
        // a missed month is one without any meeting (so a reader who counts a thematic meeting as the month's
        // regular one agrees): the 8 months without a thematic meeting carry the whole share
        double monthChance = Math.min(1, shares.of(Anomaly.MISSED_MONTH) * 12 / (12.0 - thematicMonths.size()));
        List<MeetingCalendar.Slot> held = new ArrayList<>();
        for (MeetingCalendar.Slot slot : slots) {
            double draw = streams.drops().nextDouble();
            if (slot.type() == MeetingType.REGULAR && !thematicMonths.contains(slot.month()) && draw < monthChance) {
                missed.add(Finding.ofPeriod(Anomaly.MISSED_MONTH.rule, branch.code(), slot.period()));
            } else if (slot.type() == MeetingType.THEMATIC && draw < shares.of(Anomaly.MISSED_QUARTER)) {
                missed.add(Finding.ofPeriod(Anomaly.MISSED_QUARTER.rule, branch.code(), slot.period()));
            } else {
                held.add(slot);
            }
        }
        return held;
    }

    BranchYear generate(CityRolls.BranchRolls branch, List<Exemption> exemptions, BranchStreams streams) {
        BranchKind kind = branch.unit().branchKind();
        List<Finding> findings = new ArrayList<>();
        List<MeetingCalendar.Slot> held = heldSlots(branch, streams, findings);
        Roster roster = new Roster(branch.members(), exemptions, referenceDate);
        List<Roster.Day> days = held.stream().map(s -> roster.on(s.heldOn())).toList();
        List<Anomaly> planned = held.stream().map(s -> drawAnomaly(streams.anomalies())).toList();
        Committee committee = Committee.choose(branch.members(), roster, year, streams.committee());

        List<Set<String>> forced = new ArrayList<>();
        held.forEach(s -> forced.add(new LinkedHashSet<>()));
        List<StreakPlanner.Streak> streaks = new StreakPlanner(year, shares.of(Anomaly.ABSENCE_STREAK))
                .plan(branch.members(), committee, roster, held, planned, days, forced, streams.streaks());
        Set<String> streakMembers = new HashSet<>();
        streaks.forEach(s -> streakMembers.add(s.member().cardNumber()));

        Map<String, Exemption> exemptionByCard = new HashMap<>();
        exemptions.forEach(e -> exemptionByCard.put(e.cardNumber(), e));
        SplittableRandom random = streams.attendance();
        AttendancePlanner attendance = new AttendancePlanner(kind, 0.02 + 0.05 * random.nextDouble());
        MinutesWriter writer = new MinutesWriter(kind, year);
        UnexcusedLedger ledger = new UnexcusedLedger();
        List<GeneratedMeeting> meetings = new ArrayList<>(held.size());
        List<String> degenerate = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            MeetingCalendar.Slot slot = held.get(i);
            Roster.Day day = days.get(i);
            Anomaly anomaly = planned.get(i);
            Set<String> absent = null;
            boolean noCleanPlan = false;
            if (anomaly == Anomaly.LOW_ATTENDANCE) {
                absent = attendance.lowAttendance(day, random);
            } else if (anomaly == Anomaly.BELOW_QUORUM) {
                absent = attendance.belowQuorum(day, random);
            }
            if (absent == null) {
                if (anomaly == Anomaly.LOW_ATTENDANCE || anomaly == Anomaly.BELOW_QUORUM) {
                    anomaly = null; // the rolls cannot reach it that day: the meeting stays ordinary
                }
                absent = attendance.ordinary(day, forced.get(i), random);
                if (absent == null) {
                    if (!forced.get(i).isEmpty()) {
                        throw new IllegalStateException("a streak was planned into a meeting it spoils: " + slot);
                    }
                    absent = Set.of(); // only a reference-date reader could object, and nothing helps: name it
                    noCleanPlan = true;
                }
            }
            Headcount headcount = Headcount.of(day, absent);
            if (anomaly == Anomaly.WRONG_VOTE && !MinutesWriter.canVoteWrongly(headcount)) {
                anomaly = null;
            }
            if (noCleanPlan && anomaly != Anomaly.WRONG_VOTE) {
                degenerate.add(reference(branch.code(), slot));
            }
            double unexcused = anomaly == Anomaly.LOW_ATTENDANCE || anomaly == Anomaly.BELOW_QUORUM
                    ? AttendancePlanner.UNEXCUSED_LOW : AttendancePlanner.UNEXCUSED_ORDINARY;
            List<GeneratedMeeting.Attendee> lines = attendance.attendees(day, absent, forced.get(i), streakMembers,
                    unexcused, ledger, exemptionByCard, random);

            SplittableRandom text = streams.minutes();
            GeneratedMeeting.Vote vote = anomaly == Anomaly.WRONG_VOTE ? MinutesWriter.wrongVote(headcount, text)
                    : writer.ordinaryVote(headcount, text);
            List<String> missing = anomaly == Anomaly.MISSING_PARTS ? MinutesWriter.missingParts(text) : List.of();
            GeneratedMeeting.Minutes minutes = writer.minutes(slot, lines, committee, missing, text);
            int duration = anomaly == Anomaly.SHORT_MEETING ? 45 + 5 * text.nextInt(9) : ordinaryDuration(slot.type(), text);
            LocalDateTime start = slot.heldOn().atTime(slot.startsAt()).plusMinutes(START_JITTER[text.nextInt(START_JITTER.length)]);
            Instant startedAt = start.atZone(VIETNAM).toInstant();
            Instant endedAt = startedAt.plus(Duration.ofMinutes(duration));
            LocalDate closedOn = null;
            if (anomaly == Anomaly.LATE_RECORD) {
                closedOn = lateClosing(slot, text);
                if (closedOn == null) {
                    anomaly = null;
                }
            }
            if (closedOn == null) {
                closedOn = slot.heldOn().plusDays(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 3}[text.nextInt(10)]);
            }
            GeneratedMeeting meeting = new GeneratedMeeting(reference(branch.code(), slot), branch.code(), slot.type(),
                    slot.period(), slot.heldOn(), startedAt, endedAt, slot.place(), slot.topic(), closedOn, lines, vote, minutes);
            meetings.add(meeting);
            findings.addAll(injected(meeting, anomaly, headcount, missing, duration));
        }
        OnlinePlanner.Plan online = OnlinePlanner.plan(meetings, shares.of(Anomaly.ONLINE_RESTRICTED), year, streams.online());
        findings.addAll(online.findings());
        for (StreakPlanner.Streak s : streaks) {
            findings.add(Finding.ofMember("R-M1", branch.code(), s.member().cardNumber(), year, StreakPlanner.figures(s, year)));
            findings.add(Finding.ofMember("R-M3", branch.code(), s.member().cardNumber(), year, Finding.figures("cause", "R-M1")));
        }
        DuesPlanner.Plan dues = new DuesPlanner(year, shares.of(Anomaly.DUES_ARREARS))
                .plan(branch, exemptions, streakMembers, streams.dues());
        for (DuesPlanner.Arrears a : dues.arrears()) {
            findings.add(Finding.ofMember("R-M2", branch.code(), a.member().cardNumber(), year, Finding.figures("months",
                    a.months().stream().map(m -> YearMonth.of(year, m).toString()).toList())));
            findings.add(Finding.ofMember("R-M3", branch.code(), a.member().cardNumber(), year, Finding.figures("cause", "R-M2")));
        }
        findings.sort(Finding.WITHIN_BRANCH);
        return new BranchYear(branch, exemptions, online.meetings(), dues.sheets(), findings, degenerate, online.onlineFrom());
    }

    /** At most one anomaly per meeting: one draw against the per-meeting shares laid end to end. */
    private Anomaly drawAnomaly(SplittableRandom random) {
        double draw = random.nextDouble();
        double upTo = 0;
        for (Anomaly a : Anomaly.PER_MEETING) {
            upTo += shares.of(a);
            if (draw < upTo) {
                return a;
            }
        }
        return null;
    }

    private static int ordinaryDuration(MeetingType type, SplittableRandom random) {
        // one regular meeting in twelve takes exactly the 90 minutes: the edge of R-G6, which is not a finding
        if (type == MeetingType.REGULAR) {
            return random.nextInt(12) == 0 ? MIN_MINUTES : MIN_MINUTES + 5 * (1 + random.nextInt(12));
        }
        return 120 + 5 * random.nextInt(13);
    }

    /** 8 to 20 days after the meeting, but within the period's grace; null when the meeting is too near its end. */
    private static LocalDate lateClosing(MeetingCalendar.Slot slot, SplittableRandom random) {
        int days = LATE_AFTER_DAYS + 1 + random.nextInt(13);
        LocalDate limit = periodEnd(slot).plusDays(GRACE_DAYS);
        long room = ChronoUnit.DAYS.between(slot.heldOn(), limit);
        if (room <= LATE_AFTER_DAYS) {
            return null;
        }
        return slot.heldOn().plusDays(Math.min(days, room));
    }

    static LocalDate periodEnd(MeetingCalendar.Slot slot) {
        if (slot.type() == MeetingType.REGULAR) {
            return YearMonth.from(slot.heldOn()).atEndOfMonth();
        }
        int quarter = slot.heldOn().get(IsoFields.QUARTER_OF_YEAR);
        return YearMonth.of(slot.heldOn().getYear(), quarter * 3).atEndOfMonth();
    }

    private String reference(String branchCode, MeetingCalendar.Slot slot) {
        return "citysim:" + seed + ":" + year + ":" + branchCode + ":" + slot.type().letter + ":" + slot.period();
    }

    private static List<Finding> injected(GeneratedMeeting m, Anomaly anomaly, Headcount h, List<String> missing, int duration) {
        if (anomaly == null) {
            return List.of();
        }
        Finding attendance = Finding.ofMeeting("R-G2", m, Finding.figures("present", h.present(), "expected", h.expected()));
        return switch (anomaly) {
            case LOW_ATTENDANCE -> List.of(attendance);
            case BELOW_QUORUM -> List.of(Finding.ofMeeting("R-G1", m,
                    Finding.figures("presentOfficial", h.presentOfficial(), "official", h.official())), attendance);
            case WRONG_VOTE -> List.of(Finding.ofMeeting("R-G3", m,
                    Finding.figures("inFavour", m.vote().inFavour(), "official", h.official())));
            case MISSING_PARTS -> List.of(Finding.ofMeeting("R-G5", m, Finding.figures("missing", missing)));
            case SHORT_MEETING -> List.of(Finding.ofMeeting("R-G6", m, Finding.figures("minutes", duration)));
            case LATE_RECORD -> List.of(Finding.ofMeeting("R-G7", m, Finding.figures("closedOn", m.closedOn().toString(),
                    "days", (int) ChronoUnit.DAYS.between(m.heldOn(), m.closedOn()))));
            default -> throw new IllegalArgumentException(anomaly + " is not about one meeting");
        };
    }
}
